package dev.redlock.processor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javax.lang.model.SourceVersion;

import org.jspecify.annotations.Nullable;

/**
 * One declared resource of {@code @RedlockResources}, parsed: a plain resource ({@code name}) or a literal template
 * ({@code order-{shop}-{id}}), and the Java name the generated code gives it.
 *
 * <p>Parsing and naming live here, apart from the processor, so that the rules documented in
 * {@code docs/resources.md} are one readable piece of code:
 * <ul>
 * <li>The literal part may hold {@code [A-Za-z0-9._:-]}; a placeholder is {@code {javaIdentifier}}, unique in its
 * template.</li>
 * <li>The words of a declaration are its literal runs of letters and digits, split at {@code . _ : -}, at the
 * placeholders, and where a lower-case letter or digit is followed by an upper-case letter
 * ({@code userName} → {@code user}, {@code Name}).</li>
 * <li>A plain resource becomes the constant of its words in upper case joined by {@code _}
 * ({@code user.name} → {@code USER_NAME}).</li>
 * <li>A template becomes the factory of its words in lower camel case ({@code user-{userId}} → {@code user},
 * {@code order-{shop}-{id}} → {@code order}, {@code {tenant}:user-item-{id}} → {@code userItem}), with one
 * {@code String} parameter per placeholder, in order.</li>
 * </ul>
 *
 * @param declaration  the declaration as written
 * @param literals     the literal runs; always one more than the placeholders (possibly empty strings)
 * @param placeholders the placeholder names, in order
 */
record ResourceTemplate(String declaration, List<String> literals, List<String> placeholders) {

    /** Method names the generated factories must not take: those of {@code Object} and {@code RedlockResource}. */
    private static final Set<String> RESERVED = Set.of("resource", "template", "equals", "hashCode", "toString",
            "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    ResourceTemplate {
        literals = List.copyOf(literals);
        placeholders = List.copyOf(placeholders);
    }

    /** Whether this is a plain resource, with no placeholder. */
    boolean isPlain() {
        return placeholders.isEmpty();
    }

    /** The Java name of this resource: a constant for a plain resource, a factory method for a template. */
    String javaName() {
        List<String> words = words();
        if (isPlain()) {
            return String.join("_", words.stream().map(w -> w.toUpperCase(Locale.ROOT)).toList());
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            sb.append(sb.length() == 0 ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return sb.toString();
    }

    /** What kind of Java name {@link #javaName()} is, for messages. */
    String javaNameKind() {
        return isPlain() ? "constant" : "factory";
    }

    /**
     * Why {@link #javaName()} cannot be used, or {@code null} if it can.
     */
    @Nullable
    String javaNameProblem() {
        String name = javaName();
        if (name.isEmpty()) {
            return "it has no letters or digits outside placeholders";
        }
        if (!SourceVersion.isIdentifier(name)) {
            return "it starts with a digit";
        }
        if (SourceVersion.isKeyword(name)) {
            return "it is a Java keyword";
        }
        if (!isPlain() && RESERVED.contains(name)) {
            return "it is the name of a method every resource has";
        }
        return null;
    }

    /**
     * The terms of the Java expression that fills this template from its parameters, checking each argument, to be
     * joined with {@code +}: {@code "user-"}, {@code ResourceArguments.check("user-{userId}", "userId", userId)}.
     */
    List<String> fillTerms() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            if (!literals.get(i).isEmpty()) {
                terms.add('"' + literals.get(i) + '"');
            }
            if (i < placeholders.size()) {
                String p = placeholders.get(i);
                terms.add("ResourceArguments.check(\"" + declaration + "\", \"" + p + "\", " + p + ")");
            }
        }
        return terms;
    }

    private List<String> words() {
        List<String> words = new ArrayList<>();
        for (String literal : literals) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < literal.length(); i++) {
                char c = literal.charAt(i);
                boolean alnum = isAsciiLetterOrDigit(c);
                boolean camelBreak = alnum && Character.isUpperCase(c) && word.length() > 0
                        && !Character.isUpperCase(word.charAt(word.length() - 1));
                if (!alnum || camelBreak) {
                    flush(word, words);
                }
                if (alnum) {
                    word.append(c);
                }
            }
            flush(word, words);
        }
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLiteralChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == ':' || c == '-';
    }

    /**
     * Parses {@code declaration}, reporting every problem found to {@code problems} as a message without its
     * {@code where} prefix (see {@link ProcessorMessages}).
     *
     * @return the parsed template, or {@code null} if a problem was reported
     */
    static @Nullable ResourceTemplate parse(String declaration, String where, Consumer<String> problems) {
        if (declaration.isEmpty()) {
            problems.accept(ProcessorMessages.emptyResource(where));
            return null;
        }
        List<String> literals = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        StringBuilder current = new StringBuilder();
        boolean inPlaceholder = false;
        int openedAt = -1;
        boolean badCharReported = false;
        boolean ok = true;
        for (int i = 0; i < declaration.length(); i++) {
            char c = declaration.charAt(i);
            if (c == '{') {
                if (inPlaceholder) {
                    problems.accept(ProcessorMessages.unbalancedBraces(where, declaration,
                            "'{' at index " + i + " opens a placeholder inside the one opened at index " + openedAt));
                    return null;
                }
                literals.add(current.toString());
                current.setLength(0);
                inPlaceholder = true;
                openedAt = i;
            } else if (c == '}') {
                if (!inPlaceholder) {
                    problems.accept(ProcessorMessages.unbalancedBraces(where, declaration,
                            "'}' at index " + i + " closes no placeholder"));
                    return null;
                }
                String name = current.toString();
                current.setLength(0);
                inPlaceholder = false;
                if (name.isEmpty()) {
                    problems.accept(ProcessorMessages.emptyPlaceholder(where, declaration, openedAt));
                    ok = false;
                } else if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
                    problems.accept(ProcessorMessages.placeholderNotIdentifier(where, declaration, name));
                    ok = false;
                } else if (!seen.add(name)) {
                    problems.accept(ProcessorMessages.duplicatePlaceholder(where, declaration, name));
                    ok = false;
                }
                placeholders.add(name);
            } else {
                if (!inPlaceholder && !isLiteralChar(c) && !badCharReported) {
                    problems.accept(ProcessorMessages.illegalCharacter(where, declaration, c, i));
                    badCharReported = true;
                    ok = false;
                }
                current.append(c);
            }
        }
        if (inPlaceholder) {
            problems.accept(ProcessorMessages.unbalancedBraces(where, declaration,
                    "'{' at index " + openedAt + " is never closed"));
            return null;
        }
        literals.add(current.toString());
        return ok ? new ResourceTemplate(declaration, literals, placeholders) : null;
    }
}
