package dev.redlock.cdi.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.Module;

/**
 * Finds the module of a class: the nearest enclosing package annotated {@link Module @Module}.
 *
 * <p>Two sources, tried package by package from the class's own upwards: the {@code module} lines of the processor
 * index ({@link RedlockIndex}), then the one fallback, loading {@code <package>.package-info} by reflection, for
 * packages compiled without the processor. Results are cached. Thread-safe.
 */
public final class ModuleResolver {

    private static final String PACKAGE_INFO = "package-info";

    /**
     * A module declaration.
     *
     * @param name        the module name as written (may be invalid; validation reports it)
     * @param packageName the annotated package
     */
    public record ModuleDecl(String name, String packageName) {
    }

    /** Package to declared module, from the processor index. */
    private final Map<String, String> indexedModules;
    /** Package to the nearest module declaration, empty if none; filled as classes are resolved. */
    private final Map<String, Optional<ModuleDecl>> cache = new ConcurrentHashMap<>();

    /**
     * A resolver answering from {@code indexedModules} first.
     *
     * @param indexedModules package name to module name, from the processor index
     */
    ModuleResolver(Map<String, String> indexedModules) {
        this.indexedModules = Map.copyOf(indexedModules);
    }

    /**
     * The module of {@code type}.
     *
     * @param type the class
     * @return the nearest module declaration, or {@code null} if the class is in no module
     */
    public @Nullable ModuleDecl moduleOf(Class<?> type) {
        return moduleOfPackage(type.getPackageName(), type.getClassLoader());
    }

    /**
     * The module of the class named {@code className}, without loading it.
     *
     * @param className the binary class name
     * @param loader    the loader of its {@code package-info} classes
     * @return the nearest module declaration, or {@code null} if the class is in no module
     */
    public @Nullable ModuleDecl moduleOf(String className, @Nullable ClassLoader loader) {
        int dot = className.lastIndexOf('.');
        return moduleOfPackage(dot < 0 ? "" : className.substring(0, dot), loader);
    }

    private @Nullable ModuleDecl moduleOfPackage(String pkg, @Nullable ClassLoader loader) {
        Optional<ModuleDecl> cached = cache.get(pkg);
        if (cached != null) {
            return cached.orElse(null);
        }
        ModuleDecl decl = declaredIn(pkg, loader);
        if (decl == null && !pkg.isEmpty()) {
            int dot = pkg.lastIndexOf('.');
            decl = moduleOfPackage(dot < 0 ? "" : pkg.substring(0, dot), loader);
        }
        cache.put(pkg, Optional.ofNullable(decl));
        return decl;
    }

    /** The module declared on exactly this package, if any. */
    private @Nullable ModuleDecl declaredIn(String pkg, @Nullable ClassLoader loader) {
        if (pkg.isEmpty()) {
            return null;
        }
        String name = indexedModules.get(pkg);
        if (name != null) {
            return new ModuleDecl(name, pkg);
        }
        try {
            Class<?> info = Class.forName(pkg + "." + PACKAGE_INFO, false, loader);
            Module m = info.getAnnotation(Module.class);
            return m == null ? null : new ModuleDecl(m.value(), pkg);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
