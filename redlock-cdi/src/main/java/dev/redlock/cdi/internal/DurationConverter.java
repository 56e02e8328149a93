package dev.redlock.cdi.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads durations as people write them in properties: {@code 200ms}, {@code 8s}, {@code 1m}, {@code 2h},
 * {@code 1d}, or ISO-8601 ({@code PT8S}). A bare number is rejected: {@code 200} could mean milliseconds or
 * seconds, and guessing wrong changes a lock's TTL a thousandfold.
 */
final class DurationConverter implements Converter<Duration> {

    private static final long serialVersionUID = 1L;
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return null; // empty means unset, as for every MicroProfile converter
        }
        Matcher m = SIMPLE.matcher(v);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("duration too long, was '" + CdiMessages.shown(v) + "'", e);
            }
        }
        if (v.startsWith("P") || v.startsWith("p") || v.startsWith("-P")) {
            try {
                return Duration.parse(v);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(expected(v), e);
            }
        }
        throw new IllegalArgumentException(expected(v));
    }

    private static String expected(String v) {
        return "expected a duration with a unit, such as 200ms, 8s, 1m, 2h or ISO-8601 PT8S, was '" + CdiMessages.shown(v)
                + "'";
    }
}
