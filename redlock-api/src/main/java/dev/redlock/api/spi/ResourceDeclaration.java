package dev.redlock.api.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The grammar of the resources declared in {@code @RedlockResources}, in one place: the annotation processor
 * generates the typed resources from it and reports its problems at compile time ({@code RL3001}–{@code RL3009}),
 * and the CDI extension applies it to the same declarations at deployment ({@code RL2006}), so that both accept and
 * refuse exactly the same declarations, for the same reason. {@code docs/resources.md} describes it for users.
 *
 * <p>A declaration is a plain resource ({@code name}) or a literal template ({@code order-{shop}-{id}}):
 * <ul>
 * <li>It is not empty.</li>
 * <li>Outside placeholders it holds only {@code [A-Za-z0-9._:-]}.</li>
 * <li>A placeholder is {@code {name}}, where {@code name} is a Java identifier that is not a keyword nor a literal
 * ({@code true}, {@code false}, {@code null}, {@code _}) and holds no ignorable character; each name appears once
 * per template. Placeholders are refused rather than renamed because the generated factory takes them, in order,
 * as its parameter names: {@code user-{userId}} becomes {@code user(String userId)}. A mangled name
 * ({@code {class}} as {@code class_}) would make the parameter, its javadoc and the messages of
 * {@code ResourceArguments} name something the template does not, and a second naming rule would have to be kept
 * equal in the processor and the extension. A keyword cannot be meant as a name, so the user renames it once.</li>
 * <li>It has a usable Java name ({@link #javaName()}): the words of its literal part (runs of letters and digits,
 * split at {@code . _ : -}, at placeholders and before an upper-case letter that follows a lower-case letter or a
 * digit) make the constant {@code USER_NAME} of a plain resource or the factory {@code userItem} of a template. The
 * name must exist (not {@code {id}} alone), must not start with a digit, must not be a keyword and, for a factory,
 * must not be a method every resource has ({@code resource}, {@code template} and those of {@code Object}).</li>
 * <li>In one list ({@code lock} or {@code isolate}), a declaration appears once, and no two declarations have the
 * same Java name of the same kind ({@link #parseAll(List)}).</li>
 * </ul>
 *
 * <p>Service-provider interface: public so that {@code redlock-meta-processor} and {@code redlock-cdi} share it;
 * applications do not use it directly. May change between minor releases. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ResourceDeclaration {

    /** What is wrong with a declaration, with the fix both the processor and the extension give for it. */
    public enum Kind {
        /** An opening brace never closed, a closing brace closing nothing, or an opening brace in a placeholder. */
        UNBALANCED_BRACES("write each placeholder as {name}, as in user-{userId}"),
        /** An empty placeholder: a pair of braces with nothing between. */
        EMPTY_PLACEHOLDER("name it, as in user-{userId}"),
        /** A placeholder name that is not a Java identifier, or is a keyword. */
        PLACEHOLDER_NOT_IDENTIFIER("name it like a Java parameter, such as userId (no keyword)"),
        /** The same placeholder twice in one template. */
        DUPLICATE_PLACEHOLDER("give each placeholder its own name"),
        /** A character outside {@code [A-Za-z0-9._:-]} in the literal part. */
        ILLEGAL_CHARACTER("the literal part may only hold letters, digits and . _ : -"),
        /** The empty declaration. */
        EMPTY("remove it or give it a name, such as \"name\""),
        /** The same declaration twice in one list. */
        DUPLICATE_RESOURCE("remove one"),
        /** Two declarations of one list with the same Java name of the same kind. */
        NAME_CLASH("rename one of them (see docs/resources.md, naming rules)"),
        /** A Java name that cannot be used. */
        UNUSABLE_NAME("start the literal part with a letter and avoid Java keywords and the method names of Object"
                + " and RedlockResource");

        private final String fix;

        Kind(String fix) {
            this.fix = fix;
        }

        /**
         * How to fix a problem of this kind, to end a message after {@code ; }.
         *
         * @return the fix
         */
        public String fix() {
            return fix;
        }
    }

    /**
     * One problem of a declaration.
     *
     * @param kind   what kind of problem
     * @param reason the precise reason, to follow {@code resource '<declaration>': } in a message, such as
     *               <code>unclosed '&#123;' at index 5</code>; never {@code null}
     * @since 0.1
     */
    public record Problem(Kind kind, String reason) {

        /**
         * Checks the components.
         *
         * @param kind   what kind of problem
         * @param reason the precise reason
         * @throws NullPointerException if an argument is {@code null}
         */
        public Problem {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The outcome of parsing one declaration.
     *
     * @param declaration the declaration as written
     * @param parsed      the parsed declaration, or {@code null} when {@code problems} is not empty
     * @param problems    every problem found, in the order of the declaration; empty when it is valid
     * @since 0.1
     */
    public record Result(String declaration, @Nullable ResourceDeclaration parsed, List<Problem> problems) {

        /**
         * Copies the list.
         *
         * @param declaration the declaration as written
         * @param parsed      the parsed declaration, or {@code null}
         * @param problems    every problem found
         * @throws NullPointerException if {@code declaration} or {@code problems} is {@code null}
         */
        public Result {
            Objects.requireNonNull(declaration, "declaration");
            problems = List.copyOf(problems);
        }
    }

    /** Method names the generated factories must not take: those of {@code Object} and {@code RedlockResource}. */
    private static final Set<String> RESERVED_METHODS = Set.of("resource", "template", "equals", "hashCode",
            "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    private final String declaration;
    private final List<String> literals;
    private final List<String> placeholders;

    private ResourceDeclaration(String declaration, List<String> literals, List<String> placeholders) {
        this.declaration = declaration;
        this.literals = List.copyOf(literals);
        this.placeholders = List.copyOf(placeholders);
    }

    /**
     * Parses one declaration, finding every problem it has on its own (a brace problem ends the parse: the rest
     * cannot be read).
     *
     * @param declaration the declaration as written; must not be {@code null}
     * @return the result
     */
    public static Result parse(String declaration) {
        Objects.requireNonNull(declaration, "declaration");
        List<Problem> problems = new ArrayList<>();
        ResourceDeclaration parsed = syntax(declaration, problems);
        if (parsed != null) {
            String why = parsed.javaNameProblem();
            if (why != null) {
                problems.add(new Problem(Kind.UNUSABLE_NAME, "maps to the " + parsed.javaNameKind() + " '"
                        + parsed.javaName() + "', which cannot be used: " + why));
                parsed = null;
            }
        }
        return new Result(declaration, problems.isEmpty() ? parsed : null, problems);
    }

    /**
     * Parses the declarations of one list ({@code lock} or {@code isolate}): each on its own, then a declaration
     * given twice ({@link Kind#DUPLICATE_RESOURCE}) and two declarations with the same Java name
     * ({@link Kind#NAME_CLASH}), both reported on the later one.
     *
     * @param declarations the declarations in declared order; must not be {@code null}
     * @return one result per declaration, in the same order
     */
    public static List<Result> parseAll(List<String> declarations) {
        List<Result> results = new ArrayList<>(declarations.size());
        Set<String> declared = new HashSet<>();
        Map<String, String> javaNames = new HashMap<>();
        for (String d : declarations) {
            if (!d.isEmpty() && !declared.add(d)) {
                results.add(new Result(d, null, List.of(new Problem(Kind.DUPLICATE_RESOURCE, "declared twice"))));
                continue;
            }
            Result r = parse(d);
            ResourceDeclaration p = r.parsed();
            if (p != null) {
                String other = javaNames.putIfAbsent(p.javaNameKind() + " " + p.javaName(), d);
                if (other != null) {
                    r = new Result(d, null, List.of(new Problem(Kind.NAME_CLASH, "maps to the " + p.javaNameKind()
                            + " " + p.javaName() + ", as '" + other + "' does")));
                }
            }
            results.add(r);
        }
        return results;
    }

    /**
     * The declaration as written.
     *
     * @return the declaration
     */
    public String declaration() {
        return declaration;
    }

    /**
     * The literal runs, always one more than the placeholders (possibly empty strings):
     * {@code {tenant}:course-{courseId}} has {@code "", ":course-", ""}.
     *
     * @return the literals; unmodifiable
     */
    public List<String> literals() {
        return literals;
    }

    /**
     * The placeholder names, in order.
     *
     * @return the names; unmodifiable, empty for a plain resource
     */
    public List<String> placeholders() {
        return placeholders;
    }

    /**
     * Whether this is a plain resource, with no placeholder.
     *
     * @return {@code true} if plain
     */
    public boolean isPlain() {
        return placeholders.isEmpty();
    }

    /**
     * The Java name of this resource: the constant of a plain resource ({@code user.name} → {@code USER_NAME}), the
     * factory of a template ({@code user-item-{id}} → {@code userItem}).
     *
     * @return the name
     */
    public String javaName() {
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

    /**
     * What kind of Java name {@link #javaName()} is, for messages.
     *
     * @return {@code "constant"} or {@code "factory"}
     */
    public String javaNameKind() {
        return isPlain() ? "constant" : "factory";
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ResourceDeclaration other && declaration.equals(other.declaration);
    }

    @Override
    public int hashCode() {
        return declaration.hashCode();
    }

    @Override
    public String toString() {
        return declaration;
    }

    private @Nullable String javaNameProblem() {
        String name = javaName();
        if (name.isEmpty()) {
            return "it has no letters or digits outside placeholders";
        }
        if (Character.isDigit(name.charAt(0))) {
            return "it starts with a digit";
        }
        if (JavaWords.KEYWORDS.contains(name)) {
            return "it is a Java keyword";
        }
        if (!isPlain() && RESERVED_METHODS.contains(name)) {
            return "it is the name of a method every resource has";
        }
        return null;
    }

    private static @Nullable ResourceDeclaration syntax(String declaration, List<Problem> problems) {
        if (declaration.isEmpty()) {
            problems.add(new Problem(Kind.EMPTY, "empty"));
            return null;
        }
        List<String> literals = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        StringBuilder current = new StringBuilder();
        boolean inPlaceholder = false;
        int openedAt = -1;
        boolean badCharReported = false;
        for (int i = 0; i < declaration.length(); i++) {
            char c = declaration.charAt(i);
            if (c == '{') {
                if (inPlaceholder) {
                    problems.add(new Problem(Kind.UNBALANCED_BRACES, "'{' at index " + i
                            + " inside the placeholder opened at index " + openedAt));
                    return null;
                }
                literals.add(current.toString());
                current.setLength(0);
                inPlaceholder = true;
                openedAt = i;
            } else if (c == '}') {
                if (!inPlaceholder) {
                    problems.add(new Problem(Kind.UNBALANCED_BRACES, "unopened '}' at index " + i));
                    return null;
                }
                String name = current.toString();
                current.setLength(0);
                inPlaceholder = false;
                if (name.isEmpty()) {
                    problems.add(new Problem(Kind.EMPTY_PLACEHOLDER, "empty placeholder {} at index " + openedAt));
                } else if (JavaWords.KEYWORDS.contains(name)) {
                    problems.add(new Problem(Kind.PLACEHOLDER_NOT_IDENTIFIER, "placeholder {" + name
                            + "} is a Java keyword"));
                } else if (!isIdentifier(name)) {
                    problems.add(new Problem(Kind.PLACEHOLDER_NOT_IDENTIFIER, "placeholder {" + printable(name)
                            + "} is not a Java identifier"));
                } else if (!seen.add(name)) {
                    problems.add(new Problem(Kind.DUPLICATE_PLACEHOLDER, "placeholder {" + name + "} appears twice"));
                }
                placeholders.add(name);
            } else {
                if (!inPlaceholder && !isLiteralChar(c) && !badCharReported) {
                    problems.add(new Problem(Kind.ILLEGAL_CHARACTER, "character " + describe(c) + " at index " + i
                            + " is not allowed outside a placeholder"));
                    badCharReported = true;
                }
                current.append(c);
            }
        }
        if (inPlaceholder) {
            problems.add(new Problem(Kind.UNBALANCED_BRACES, "unclosed '{' at index " + openedAt));
            return null;
        }
        literals.add(current.toString());
        return problems.isEmpty() ? new ResourceDeclaration(declaration, literals, placeholders) : null;
    }

    /** A Java identifier by code point, as javac reads one, but without the characters javac would ignore. */
    private static boolean isIdentifier(String name) {
        int first = name.codePointAt(0);
        if (!Character.isJavaIdentifierStart(first)) {
            return false;
        }
        return name.codePoints().allMatch(cp -> Character.isJavaIdentifierPart(cp)
                && !Character.isIdentifierIgnorable(cp));
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

    /** A character as a reason shows it: printable ones quoted with their code point, control ones by code point. */
    private static String describe(char c) {
        String code = KeyText.codePoint(c);
        return c < 0x20 || c == 0x7f ? code : "'" + c + "' (" + code + ")";
    }

    /** A placeholder name with its control characters given by code point, so a reason cannot forge a log line. */
    private static String printable(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            sb.append(c < 0x20 || c == 0x7f ? KeyText.codePoint(c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
