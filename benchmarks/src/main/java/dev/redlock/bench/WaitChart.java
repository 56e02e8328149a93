package dev.redlock.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The PNG chart of the W4 wait-time distribution (XChart): one cumulative curve per implementation, the share of
 * grants that waited at most x, on a logarithmic time axis, so the median and the tail are both readable.
 */
final class WaitChart {

    private static final int POINTS = 400;
    private static final double FLOOR_MS = 0.01; // a log axis needs positive values

    private WaitChart() {
    }

    /**
     * Draws the chart.
     *
     * @param waits the waits in nanoseconds, by report name; implementations without waits are left out
     * @param title the chart title
     * @param png   the file to write
     * @return whether a chart was written (there was at least one series)
     */
    static boolean write(Map<String, long[]> waits, String title, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(1100).height(650).title(title)
                .xAxisTitle("wait from request to grant (ms, log scale)").yAxisTitle("grants that waited at most x (%)")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setYAxisDecimalPattern("0");
        chart.getStyler().setXAxisDecimalPattern("0.##");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        int series = 0;
        for (Map.Entry<String, long[]> e : waits.entrySet()) {
            long[] sorted = e.getValue().clone();
            if (sorted.length == 0) {
                continue;
            }
            Arrays.sort(sorted);
            int points = Math.min(POINTS, sorted.length);
            double[] x = new double[points];
            double[] y = new double[points];
            for (int k = 0; k < points; k++) {
                int index = (int) ((long) (k + 1) * sorted.length / points) - 1;
                x[k] = Math.max(FLOOR_MS, sorted[index] / 1e6);
                y[k] = (index + 1) * 100.0 / sorted.length;
            }
            chart.addSeries(e.getKey() + " (n=" + sorted.length + ")", x, y).setMarker(SeriesMarkers.NONE);
            series++;
        }
        if (series == 0) {
            return false;
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
        return true;
    }
}
