package dev.redlock.api.spi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The one duration syntax of every {@code redlock.*} property, shared by {@code redlock-cdi} and
 * {@code redlock-datasource} so that a value means the same under every key. Stateless and thread-safe.
 *
 * <p>Accepted: a non-negative whole number with a unit, {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}
 * ({@code 200ms}, {@code 8s}, {@code 1m}, {@code 2h}, {@code 1d}; blanks around the value and between number and unit
 * are allowed), or ISO-8601 ({@code PT8S}, {@code PT0.5S}, {@code P1D}). A bare number is refused: {@code 200} could
 * mean milliseconds (HikariCP) or seconds (SmallRye), and guessing wrong changes a lock's lease a thousandfold. An
 * empty value means "not set", as for every MicroProfile Config converter. Ranges (positive, an upper bound) are the
 * caller's to check, because they differ per key.
 *
 * <p>{@link #convert(String)} has the shape of a MicroProfile Config {@code Converter<Duration>}, so a config builder
 * takes it as {@code withConverter(Duration.class, 200, DurationConverter::convert)}.
 *
 * @since 0.1
 */
public final class DurationConverter {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private DurationConverter() {
    }

    /**
     * Reads a duration.
     *
     * @param value the text; must not be {@code null}
     * @return the duration, or {@code null} if {@code value} is empty or blank
     * @throws IllegalArgumentException if {@code value} is neither form, or too long for a {@link Duration}; the
     *                                  message shows the expected forms and the value
     */
    public static @Nullable Duration convert(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
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
                throw new IllegalArgumentException("duration too long, was '" + shown(v) + "'", e);
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
        return "expected a duration with a unit, such as 200ms, 8s, 1m, 2h or ISO-8601 PT8S, was '" + shown(v) + "'";
    }

    /** The value as a message shows it: at most 80 characters, control characters escaped. */
    private static String shown(String v) {
        String cut = v.length() > 80 ? v.substring(0, 80) + "..." : v;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
