package dev.redlock.cdi.internal;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResources;
import dev.redlock.api.spi.MetaNames;

/**
 * One {@code @Meta} class found during type discovery, with what its annotations declare.
 *
 * @param beanClass        the class
 * @param module           its module declaration, or {@code null} when outside any module
 * @param meta             the meta name
 * @param enable           {@code @Meta(enable)}
 * @param modes            {@code @Meta(mode)}
 * @param client           {@code @Meta(client)}, or {@code null} when empty
 * @param lockResources    {@code @RedlockResources(lock)}
 * @param isolateResources {@code @RedlockResources(isolate)}
 */
public record MetaSite(Class<?> beanClass, ModuleResolver.@Nullable ModuleDecl module, String meta, boolean enable,
        List<String> modes, @Nullable String client, List<String> lockResources, List<String> isolateResources) {

    /**
     * The site of {@code beanClass}: its module, meta name and resources from the processor index when the index
     * lists the class, otherwise from its annotations and {@code resolver} (the one fallback, for classes compiled
     * without the processor). Both give the same site for the same class, so validation reports the same problems.
     * {@code @Meta}'s {@code enable}, {@code mode} and {@code client} are not in the index and are always read from
     * the annotation.
     */
    static MetaSite of(Class<?> beanClass, RedlockIndex index, ModuleResolver resolver) {
        Meta meta = beanClass.getAnnotation(Meta.class);
        RedlockIndex.Entry e = index.metas.get(beanClass.getName());
        if (e != null) {
            String pkg = index.packageOf(e.module());
            return site(beanClass, meta, new ModuleResolver.ModuleDecl(e.module(),
                    pkg != null ? pkg : beanClass.getPackageName()), e.meta(), e.lock(), e.isolate());
        }
        RedlockResources resources = beanClass.getAnnotation(RedlockResources.class);
        return site(beanClass, meta, resolver.moduleOf(beanClass),
                meta.name().isEmpty() ? MetaNames.metaName(beanClass.getSimpleName()) : meta.name(),
                resources == null ? List.of() : Arrays.asList(resources.lock()),
                resources == null ? List.of() : Arrays.asList(resources.isolate()));
    }

    private static MetaSite site(Class<?> beanClass, Meta meta, ModuleResolver.@Nullable ModuleDecl module,
            String name, List<String> lock, List<String> isolate) {
        return new MetaSite(beanClass, module, name, meta.enable(), List.of(meta.mode()),
                meta.client().isEmpty() ? null : meta.client(), List.copyOf(lock), List.copyOf(isolate));
    }

    /** The module name, or {@code null}. */
    @Nullable
    String moduleName() {
        return module == null ? null : module.name();
    }

    /** The full name {@code module:meta}; only for metas inside a module. */
    String fullName() {
        return MetaNames.fullName(String.valueOf(moduleName()), meta);
    }

    /** Whether the class extends {@link BeanRedlockBase}. */
    boolean isRedlockBase() {
        return BeanRedlockBase.class.isAssignableFrom(beanClass);
    }
}
