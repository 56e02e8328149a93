package com.example.demo;

import java.util.List;

/**
 * Just enough JSON for {@code /inspect}: objects, arrays, strings and numbers, written in order. Not thread-safe.
 */
final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private boolean needsComma;

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        string(name).out.append(':');
        needsComma = false;
        return this;
    }

    JsonWriter field(String name, String value) {
        name(name);
        separate();
        string(value);
        needsComma = true;
        return this;
    }

    JsonWriter field(String name, long value) {
        name(name);
        out.append(value);
        needsComma = true;
        return this;
    }

    JsonWriter strings(List<String> values) {
        beginArray();
        for (String v : values) {
            separate();
            string(v);
            needsComma = true;
        }
        return endArray();
    }

    private JsonWriter open(char c) {
        separate();
        out.append(c);
        needsComma = false;
        return this;
    }

    private JsonWriter close(char c) {
        out.append(c);
        needsComma = true;
        return this;
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    private JsonWriter string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
