package dev.redlock.cdi.internal;

import java.util.List;

import dev.redlock.api.MetaSlice;

/**
 * A meta with its configuration overrides applied: whether it is in effect under the active profiles, and which
 * client it locks on.
 *
 * @param site     the discovered meta
 * @param fullName {@code module:meta}
 * @param enabled  {@code @Meta(enable)} or its override
 * @param modes    {@code @Meta(mode)} or its override; empty for all profiles
 * @param client   the client: meta override, {@code @Meta(client)}, module override, or {@code default}
 * @param inEffect enabled and in a matching mode
 */
record EffectiveMeta(MetaSite site, String fullName, boolean enabled, List<String> modes, String client,
        boolean inEffect) {

    static EffectiveMeta of(MetaSite site, Settings settings) {
        String fullName = site.fullName();
        Settings.MetaSettings o = settings.metas().get(fullName);
        Settings.ModuleSettings m = settings.modules().get(site.moduleName());
        boolean enabled = o != null && o.enable() != null ? o.enable() : site.enable();
        List<String> modes = o != null && o.modes() != null ? o.modes() : site.modes();
        String client = o != null && o.client() != null
                ? o.client()
                : site.client() != null
                        ? site.client()
                        : m != null && m.client() != null ? m.client() : Settings.DEFAULT_CLIENT;
        boolean modeMatches = modes.isEmpty() || modes.stream().anyMatch(settings.profiles()::contains);
        return new EffectiveMeta(site, fullName, enabled, modes, client, enabled && modeMatches);
    }

    /** Why the meta is not in effect; for messages. */
    String whyNotInEffect(List<String> profiles) {
        return !enabled ? "disabled" : "mode " + modes + " does not include the active profiles " + profiles;
    }

    MetaSlice slice() {
        return new MetaSlice(fullName, String.valueOf(site.moduleName()), site.meta(), site.beanClass().getName(),
                site.lockResources(), site.isolateResources(), enabled, modes, client);
    }
}
