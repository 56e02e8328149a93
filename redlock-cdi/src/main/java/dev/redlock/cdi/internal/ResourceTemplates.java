package dev.redlock.cdi.internal;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Checks the resources declared in {@code @RedlockResources}: plain parts of {@code [A-Za-z0-9._:-]} and
 * placeholders {@code {javaIdentifier}}. The processor reports the same mistakes at compile time; this check covers
 * classes compiled without it.
 */
final class ResourceTemplates {

    private ResourceTemplates() {
    }

    /** Why {@code resource} is malformed, or {@code null} if it is fine. */
    static @Nullable String problem(String resource) {
        if (resource.isEmpty()) {
            return "empty";
        }
        Set<String> placeholders = new HashSet<>();
        int i = 0;
        while (i < resource.length()) {
            char c = resource.charAt(i);
            if (c == '{') {
                int end = resource.indexOf('}', i);
                if (end < 0) {
                    return "unclosed '{' at index " + i;
                }
                String name = resource.substring(i + 1, end);
                if (!isIdentifier(name)) {
                    return "placeholder {" + name + "} is not a Java identifier";
                }
                if (!placeholders.add(name)) {
                    return "placeholder {" + name + "} appears twice";
                }
                i = end + 1;
            } else if (c == '}') {
                return "unopened '}' at index " + i;
            } else if (Character.isLetterOrDigit(c) && c < 0x80 || c == '.' || c == '_' || c == ':' || c == '-') {
                i++;
            } else {
                return "character '" + c + "' at index " + i + " is not allowed";
            }
        }
        return null;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        return s.chars().allMatch(Character::isJavaIdentifierPart);
    }
}
