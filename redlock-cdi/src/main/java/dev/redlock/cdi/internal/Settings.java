package dev.redlock.cdi.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The whole resolved configuration of the CDI layer.
 *
 * @param appName   the application name
 * @param keyPrefix the key prefix, up to and including its trailing separator
 * @param profiles  the active profiles
 * @param clients   the clients by name, {@code default} first
 * @param modules   per-module overrides by module name
 * @param metas     per-meta overrides by full name
 * @param inspectLogLevel the level of the record each inspect call logs
 */
public record Settings(String appName, String keyPrefix, List<String> profiles, Map<String, ClientSettings> clients,
        Map<String, ModuleSettings> modules, Map<String, MetaSettings> metas, System.Logger.Level inspectLogLevel) {

    /** The name of the client configured directly under {@code redlock.}. */
    public static final String DEFAULT_CLIENT = "default";

    /**
     * Per-module overrides.
     *
     * @param leaseTime the lease time, or {@code null}
     * @param waitTime  the wait time, or {@code null}
     * @param client    the client, or {@code null}
     */
    public record ModuleSettings(@Nullable Duration leaseTime, @Nullable Duration waitTime, @Nullable String client) {
    }

    /**
     * Per-meta overrides.
     *
     * @param enable the enable flag, or {@code null}
     * @param modes  the modes (empty for all), or {@code null}
     * @param client the client, or {@code null}
     */
    public record MetaSettings(@Nullable Boolean enable, @Nullable List<String> modes, @Nullable String client) {
    }

    /**
     * The default lease time for the active profiles: 8 s in {@code dev}, 60 s in {@code test}, else 30 s (VonaJS's
     * {@code lockTtl} values).
     *
     * @param profiles the active profiles, most specific first
     * @return the default lease time
     */
    public static Duration defaultLeaseTime(List<String> profiles) {
        for (String p : profiles) {
            if (p.equals("dev")) {
                return Duration.ofSeconds(8);
            }
            if (p.equals("test")) {
                return Duration.ofSeconds(60);
            }
        }
        return Duration.ofSeconds(30);
    }

    /**
     * Whether the key prefix gets {@code _local}: in the {@code dev} and {@code test} profiles.
     *
     * @param profiles the active profiles
     * @return {@code true} if local
     */
    public static boolean isLocal(List<String> profiles) {
        return profiles.contains("dev") || profiles.contains("test");
    }
}
