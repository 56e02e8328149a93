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

    /** Reads the annotations of {@code beanClass}; {@code module} comes from the resolver or the index. */
    static MetaSite of(Class<?> beanClass, Meta meta, @Nullable RedlockResources resources,
            ModuleResolver.@Nullable ModuleDecl module) {
        String name = meta.name().isEmpty() ? MetaNames.metaName(beanClass.getSimpleName()) : meta.name();
        return new MetaSite(beanClass, module, name, meta.enable(), List.of(meta.mode()),
                meta.client().isEmpty() ? null : meta.client(),
                resources == null ? List.of() : Arrays.asList(resources.lock()),
                resources == null ? List.of() : Arrays.asList(resources.isolate()));
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
