package dev.redlock.cdi.internal;

import java.util.List;
import java.util.stream.Collectors;

import dev.redlock.api.HeldLock;
import dev.redlock.api.MetaSlice;

/** The small JSON the inspect views log: arrays of strings and of flat objects, two-space indented. */
public final class Json {

    private Json() {
    }

    /**
     * A JSON array of strings, one per line, like VonaJS prints it.
     *
     * @param values the values
     * @return the JSON
     */
    public static String strings(List<String> values) {
        if (values.isEmpty()) {
            return "[]";
        }
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < values.size(); i++) {
            sb.append("  ").append(quote(values.get(i))).append(i + 1 < values.size() ? ",\n" : "\n");
        }
        return sb.append(']').toString();
    }

    /**
     * The slices as a JSON array of objects.
     *
     * @param slices the slices
     * @return the JSON
     */
    public static String slices(List<MetaSlice> slices) {
        return array(slices.stream().map(s -> "{\"name\": " + quote(s.name()) + ", \"module\": " + quote(s.module())
                + ", \"meta\": " + quote(s.meta()) + ", \"beanClass\": " + quote(s.beanClass())
                + ", \"lockResources\": " + inline(s.lockResources()) + ", \"isolateResources\": "
                + inline(s.isolateResources()) + ", \"enabled\": " + s.enabled() + ", \"modes\": " + inline(s.modes())
                + ", \"client\": " + quote(s.client()) + "}").toList());
    }

    /**
     * The held locks as a JSON array of objects.
     *
     * @param locks the locks
     * @return the JSON
     */
    public static String locks(List<HeldLock> locks) {
        return array(locks.stream().map(l -> "{\"key\": " + quote(l.key()) + ", \"owner\": " + quote(l.owner())
                + ", \"remainingTtl\": " + quote(l.remainingTtl().toString()) + ", \"fencingToken\": "
                + l.fencingToken() + ", \"waiters\": " + l.waiters() + ", \"state\": " + quote(l.state().name())
                + "}").toList());
    }

    private static String array(List<String> objects) {
        return objects.isEmpty() ? "[]" : "[\n  " + String.join(",\n  ", objects) + "\n]";
    }

    private static String inline(List<String> values) {
        return values.stream().map(Json::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * A JSON string literal.
     *
     * @param s the string
     * @return the quoted, escaped string
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
