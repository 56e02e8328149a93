package dev.redlock.api.spi;

import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.Module;

/**
 * The naming rules of modules and metas, shared by the annotation processor and the CDI extension so that both
 * derive the same names. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class MetaNames {

    private static final Pattern MODULE_NAME = Pattern.compile(Module.NAME_PATTERN);
    private static final Pattern META_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");
    private static final String PREFIX = "Meta";
    /** The no-argument methods of {@code Object}: a scope accessor cannot take their names. */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "toString", "clone",
            "finalize", "notify", "notifyAll", "wait");

    private MetaNames() {
    }

    /**
     * Whether {@code name} is a valid module name (see {@link Module#NAME_PATTERN}).
     *
     * @param name the name to check
     * @return {@code true} if valid
     */
    public static boolean isValidModuleName(String name) {
        return MODULE_NAME.matcher(name).matches();
    }

    /**
     * Whether {@code name} is a valid meta name: lower camel case, letters and digits.
     *
     * @param name the name to check
     * @return {@code true} if valid
     */
    public static boolean isValidMetaName(String name) {
        return META_NAME.matcher(name).matches();
    }

    /**
     * Why {@code name} cannot be a meta name, or {@code null} if it can. A meta name becomes the accessor of the
     * generated module scope class ({@code ScopeModuleDemoStudent.redlock()}), so beyond {@link #isValidMetaName}
     * it must not be a Java keyword nor a no-argument method of {@code Object}. The processor ({@code RL3015}) and
     * the extension ({@code RL2005}) both apply this rule.
     *
     * @param name the name to check
     * @return the reason, such as {@code "it is a Java keyword"}, or {@code null}
     */
    public static @Nullable String metaNameProblem(String name) {
        if (!isValidMetaName(name)) {
            return "it must start with a lower-case letter and hold only letters and digits";
        }
        if (JavaWords.KEYWORDS.contains(name)) {
            return "it is a Java keyword";
        }
        if (OBJECT_METHODS.contains(name)) {
            return "it is the name of a method of Object";
        }
        return null;
    }

    /**
     * Derives the meta name from a class's simple name: drops a leading {@code Meta} and lower-cases the first
     * letter ({@code MetaRedlock} → {@code redlock}, {@code MetaOrderLock} → {@code orderLock}). A class named
     * exactly {@code Meta}, or not starting with it, keeps its whole name, lower-cased first.
     *
     * @param simpleName the simple class name; must not be empty
     * @return the meta name
     */
    public static String metaName(String simpleName) {
        if (simpleName.isEmpty()) {
            throw new IllegalArgumentException("simpleName must not be empty");
        }
        String base = simpleName.startsWith(PREFIX) && simpleName.length() > PREFIX.length()
                && Character.isUpperCase(simpleName.charAt(PREFIX.length()))
                        ? simpleName.substring(PREFIX.length())
                        : simpleName;
        return Character.toLowerCase(base.charAt(0)) + base.substring(1);
    }

    /**
     * The full name of a meta, as inspect shows it: {@code module:meta}.
     *
     * @param module the module name
     * @param meta   the meta name
     * @return {@code module + ":" + meta}
     */
    public static String fullName(String module, String meta) {
        return module + ":" + meta;
    }

    /**
     * The PascalCase form of a module name, used in generated type names ({@code demo-student} →
     * {@code DemoStudent}).
     *
     * @param module a valid module name
     * @return the PascalCase form
     */
    public static String pascalCase(String module) {
        StringBuilder sb = new StringBuilder(module.length());
        for (String part : module.split("-")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return sb.toString();
    }
}
