package dev.redlock.cdi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jspecify.annotations.Nullable;

import dev.redlock.api.Module;

/**
 * Finds the module of a class: the nearest enclosing package annotated {@link Module @Module}.
 *
 * <p>Packages listed in a processor index or a Jandex index ({@code META-INF/jandex.idx}) are answered from the
 * index; only packages no index covers are looked up by loading {@code <package>.package-info}. Results are cached.
 * Thread-safe.
 */
public final class ModuleResolver {

    private static final System.Logger LOG = System.getLogger(ModuleResolver.class.getName());
    private static final DotName MODULE = DotName.createSimple(Module.class.getName());
    private static final String PACKAGE_INFO = "package-info";

    /**
     * A module declaration.
     *
     * @param name        the module name as written (may be invalid; validation reports it)
     * @param packageName the annotated package
     */
    public record ModuleDecl(String name, String packageName) {
    }

    /** Package to declared module, from the indexes. */
    private final Map<String, String> indexedModules;
    /** Packages whose annotations an index knows completely (so absence of @Module there is certain). */
    private final Set<String> indexedPackages;
    /** Package to the nearest module declaration, empty if none; filled as classes are resolved. */
    private final Map<String, Optional<ModuleDecl>> cache = new ConcurrentHashMap<>();

    ModuleResolver(Map<String, String> indexedModules, Set<String> indexedPackages) {
        this.indexedModules = Map.copyOf(indexedModules);
        this.indexedPackages = Set.copyOf(indexedPackages);
    }

    /**
     * A resolver using the processor index and every Jandex index visible to {@code loader}.
     *
     * @param loader the class loader
     * @param index  the processor index already read
     * @return the resolver
     */
    static ModuleResolver create(ClassLoader loader, RedlockIndex index) {
        Map<String, String> modules = new HashMap<>(index.modules);
        Set<String> packages = new HashSet<>();
        try {
            Enumeration<URL> urls = loader.getResources("META-INF/jandex.idx");
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (InputStream in = url.openStream()) {
                    addJandex(new IndexReader(in).read(), modules, packages);
                } catch (IOException | RuntimeException e) { // an index of another Jandex version: use reflection
                    LOG.log(Level.DEBUG, () -> "redlock: ignoring Jandex index " + url + ": " + e);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "redlock: cannot list Jandex indexes: " + e);
        }
        return new ModuleResolver(modules, packages);
    }

    /** Adds the modules and the fully known packages of one Jandex index. */
    static void addJandex(IndexView index, Map<String, String> modules, Set<String> packages) {
        for (ClassInfo c : index.getKnownClasses()) {
            packages.add(packageOf(c.name().toString()));
        }
        for (AnnotationInstance a : index.getAnnotations(MODULE)) {
            if (a.target().kind() == AnnotationTarget.Kind.CLASS) {
                String cls = a.target().asClass().name().toString();
                AnnotationValue v = a.value();
                if (cls.endsWith("." + PACKAGE_INFO) && v != null) {
                    modules.put(packageOf(cls), v.asString());
                }
            }
        }
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
        if (indexedPackages.contains(pkg)) {
            return null;
        }
        try {
            Class<?> info = Class.forName(pkg + "." + PACKAGE_INFO, false, loader);
            Module m = info.getAnnotation(Module.class);
            return m == null ? null : new ModuleDecl(m.value(), pkg);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
