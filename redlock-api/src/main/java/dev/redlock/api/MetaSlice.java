package dev.redlock.api;

import java.util.List;
import java.util.Objects;

/**
 * One meta bean as inspect reports it: the Java counterpart of an entry of VonaJS's
 * {@code inspectMeta('redlock')}.
 *
 * @param name             the full name {@code module:meta}, such as {@code demo-student:redlock}
 * @param module           the module name, such as {@code demo-student}
 * @param meta             the meta name, such as {@code redlock}
 * @param beanClass        the fully qualified class name of the meta bean
 * @param lockResources    the resources declared for {@code lock}, templates as written
 * @param isolateResources the resources declared for {@code lockIsolate}, templates as written
 * @param enabled          whether the meta is enabled after configuration overrides
 * @param modes            the profiles it is restricted to; empty for all
 * @param client           the named Redis client it locks on
 * @since 0.1
 */
public record MetaSlice(String name, String module, String meta, String beanClass, List<String> lockResources,
        List<String> isolateResources, boolean enabled, List<String> modes, String client) {

    /**
     * Checks and copies the components.
     *
     * @param name             the full name {@code module:meta}, such as {@code demo-student:redlock}
     * @param module           the module name, such as {@code demo-student}
     * @param meta             the meta name, such as {@code redlock}
     * @param beanClass        the fully qualified class name of the meta bean
     * @param lockResources    the resources declared for {@code lock}, templates as written
     * @param isolateResources the resources declared for {@code lockIsolate}, templates as written
     * @param enabled          whether the meta is enabled after configuration overrides
     * @param modes            the profiles it is restricted to
     * @param client           the named Redis client it locks on
     * @throws NullPointerException if a component is null
     */
    public MetaSlice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(beanClass, "beanClass");
        lockResources = List.copyOf(lockResources);
        isolateResources = List.copyOf(isolateResources);
        modes = List.copyOf(modes);
        Objects.requireNonNull(client, "client");
    }
}
