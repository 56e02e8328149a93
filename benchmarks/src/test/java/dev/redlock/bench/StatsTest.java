package dev.redlock.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

final class StatsTest {

    @Test
    void percentile_isNearestRank() {
        long[] sorted = Stats.sorted(new long[]{5, 1, 4, 2, 3, 9, 9}, 5);
        assertThat(sorted).containsExactly(1, 2, 3, 4, 5);
        assertThat(Stats.percentile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(Stats.percentile(sorted, 0.99)).isEqualTo(5.0);
        assertThat(Stats.percentile(new long[0], 0.5)).isNaN();
    }

    @Test
    void spread_isMedianWithMinAndMax_ignoringMissingFigures() {
        Stats.Spread odd = Stats.Spread.of(List.of(3.0, 1.0, Double.NaN, 2.0));
        assertThat(odd).isEqualTo(new Stats.Spread(2.0, 1.0, 3.0, 3));
        assertThat(Stats.Spread.of(List.of(4.0, 1.0)).median()).isEqualTo(2.5);
        assertThat(Stats.Spread.of(List.of()).isEmpty()).isTrue();
    }
}
