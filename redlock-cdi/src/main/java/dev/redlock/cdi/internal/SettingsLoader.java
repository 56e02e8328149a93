package dev.redlock.cdi.internal;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jspecify.annotations.Nullable;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.redlock.api.spi.DurationConverter;
import dev.redlock.api.spi.Limits;
import dev.redlock.cdi.RedlockConfig;
import dev.redlock.cdi.RedlockConfig.Client;
import dev.redlock.core.Redlock;
import dev.redlock.core.nodes.NodeUri;

/**
 * Reads {@link RedlockConfig} with SmallRye Config and turns it into {@link Settings}: inheritance between
 * clients, defaults, range checks. Every problem is collected, named by its property, so start-up reports all of
 * them at once.
 */
public final class SettingsLoader {

    /** The application name when {@code redlock.app-name} is not set. */
    public static final String DEFAULT_APP_NAME = "app";
    /** The default lock-extension threshold. */
    public static final Duration DEFAULT_EXTENSION_THRESHOLD = Redlock.DEFAULT_AUTOMATIC_EXTENSION_THRESHOLD;

    private static final Pattern APP_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final String ALL_MODES = "*";
    /** {@code redlock.lock-ttl}, per client, per module, with or without a profile: renamed to lease-time. */
    private static final Pattern RENAMED_LEASE_TIME = Pattern.compile("(%[^.]+\\.)?redlock\\.(.+\\.)?lock-ttl");
    private static final Pattern RENAMED_LEASE_TIME_ENV = Pattern.compile("(_[A-Z0-9_]+_)?REDLOCK_([A-Z0-9_]+_)?LOCK_TTL");

    private final List<DeploymentException> problems = new ArrayList<>();

    private SettingsLoader() {
    }

    /**
     * The outcome of loading: settings when there were no problems.
     *
     * @param settings the settings, or {@code null} if there were problems
     * @param problems the problems, each naming its property
     */
    public record Result(@Nullable Settings settings, List<DeploymentException> problems) {
    }

    /**
     * Builds the configuration from the sources of the application's MicroProfile Config
     * ({@code ConfigProvider.getConfig(loader)}: by default system properties, environment,
     * {@code META-INF/microprofile-config.properties} and discovered sources; or whatever config the application
     * registered with {@code ConfigProviderResolver.registerConfig}) and loads it. {@code redlock-datasource} reads
     * the same sources, so both always agree.
     *
     * @param loader the application class loader
     * @return the result
     */
    public static Result load(ClassLoader loader) {
        return load(builder(loader));
    }

    /**
     * The config builder the extension uses: the sources of the application's MicroProfile Config, profiles, the
     * duration and boolean converters and the {@link RedlockConfig} mapping (with {@code redlock.datasources.**} and
     * {@code redlock.jta.**} left to {@code redlock-datasource}, which reads and checks them itself). A fresh config is built on every start, so the sources are read as they are
     * then.
     *
     * @param loader the application class loader
     * @return the builder; more sources may be added
     */
    public static SmallRyeConfigBuilder builder(ClassLoader loader) {
        Config app = ConfigProvider.getConfig(loader);
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder();
        if (app instanceof SmallRyeConfig smallRye && isQuarkus(app)) {
            // Quarkus sets its profiles (%dev, %test, %prod) on its config, not through a source; elsewhere the
            // profiles come from the sources, read afresh (the provider's config is cached, its profiles may be stale)
            builder.withProfiles(smallRye.getProfiles());
        }
        return builder
                .forClassLoader(loader)
                .withSources(sources(app))
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, DurationConverter::convert)
                .withConverter(Boolean.class, 200, SettingsLoader::strictBoolean)
                .withMapping(RedlockConfig.class)
                // an unknown redlock.* key is a problem, also where the application's config ignores unknown keys
                .withValidateUnknown(true)
                .withMappingIgnore("redlock.datasources.**")
                .withMappingIgnore("redlock.jta.**");
    }

    /** Whether {@code app} is the config of a Quarkus application: one of its sources is Quarkus'. */
    private static boolean isQuarkus(Config app) {
        for (ConfigSource s : app.getConfigSources()) {
            if (s.getClass().getName().startsWith("io.quarkus.")) {
                return true;
            }
        }
        return false;
    }

    /** The sources of the application's MicroProfile Config, read afresh: it lists property names only once. */
    private static List<ConfigSource> sources(Config app) {
        List<ConfigSource> sources = new ArrayList<>();
        app.getConfigSources().forEach(sources::add);
        return sources;
    }

    /**
     * Builds the configuration and loads it.
     *
     * @param builder the builder, from {@link #builder(ClassLoader)}
     * @return the result
     */
    public static Result load(SmallRyeConfigBuilder builder) {
        List<DeploymentException> renamed = renamed(builder.getSources());
        if (!renamed.isEmpty()) {
            // the old names would only add SmallRye's "does not map to any root" for the same properties
            return new Result(null, renamed);
        }
        SmallRyeConfig config;
        try {
            config = builder.build();
        } catch (ConfigValidationException e) {
            List<DeploymentException> problems = new ArrayList<>();
            for (int i = 0; i < e.getProblemCount(); i++) {
                problems.add(CdiMessages.configProblem(e.getProblem(i).getMessage()));
            }
            return new Result(null, problems);
        } catch (RuntimeException e) {
            return new Result(null, List.of(CdiMessages.configProblem(String.valueOf(e.getMessage()))));
        }
        return load(config.getConfigMapping(RedlockConfig.class), config.getProfiles());
    }

    /**
     * Loads a mapped configuration.
     *
     * @param config   the mapping
     * @param profiles the active profiles
     * @return the result
     */
    public static Result load(RedlockConfig config, List<String> profiles) {
        SettingsLoader loader = new SettingsLoader();
        Settings settings = loader.resolve(config, List.copyOf(profiles));
        if (loader.problems.isEmpty()) {
            return new Result(settings, List.of());
        }
        Map<String, DeploymentException> distinct = new LinkedHashMap<>(); // a shared parent's problem once
        loader.problems.forEach(p -> distinct.putIfAbsent(p.getMessage(), p));
        return new Result(null, List.copyOf(distinct.values()));
    }

    /**
     * Properties under a name the library no longer reads, each with its new name: {@code lock-ttl} became
     * {@code lease-time} (the one word from config to script), also in profiles ({@code %dev.redlock.lock-ttl}),
     * per client and per module, and in the environment ({@code REDLOCK_LOCK_TTL}).
     */
    static List<DeploymentException> renamed(List<ConfigSource> sources) {
        List<DeploymentException> out = new ArrayList<>();
        for (ConfigSource source : sources) {
            for (String name : new TreeMap<>(source.getProperties()).keySet()) {
                if (RENAMED_LEASE_TIME.matcher(name).matches()) {
                    out.add(CdiMessages.renamedProperty(name, source.getName(),
                            name.substring(0, name.length() - "lock-ttl".length()) + "lease-time"));
                } else if (RENAMED_LEASE_TIME_ENV.matcher(name).matches()) {
                    out.add(CdiMessages.renamedProperty(name, source.getName(),
                            name.substring(0, name.length() - "LOCK_TTL".length()) + "LEASE_TIME"));
                }
            }
        }
        return out;
    }

    private Settings resolve(RedlockConfig config, List<String> profiles) {
        String appName = config.appName().orElse(DEFAULT_APP_NAME);
        if (!APP_NAME.matcher(appName).matches()) {
            problems.add(CdiMessages.badValue("redlock.app-name", appName,
                    "use letters, digits, '.', '_' and '-', such as 'demo'"));
        }
        String keyPrefix = config.keyPrefix()
                .orElse("redlock_" + appName + (Settings.isLocal(profiles) ? "_local" : "") + ":");
        if (config.keyPrefix().isPresent() && !keyPrefix.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            problems.add(CdiMessages.badValue("redlock.key-prefix", keyPrefix,
                    "use printable characters without spaces, such as 'myapp:'"));
        }

        Map<String, Raw> raw = new LinkedHashMap<>();
        raw.put(Settings.DEFAULT_CLIENT, Raw.of(config.client(), "redlock.", null));
        if (config.clients().containsKey(Settings.DEFAULT_CLIENT)) {
            problems.add(CdiMessages.badValue("redlock.clients.default", "default",
                    "the default client is configured directly under redlock. (redlock.nodes, redlock.lease-time, ...)"));
        }
        new TreeMap<>(config.clients()).forEach((name, c) -> {
            if (!name.equals(Settings.DEFAULT_CLIENT)) {
                raw.put(name, Raw.of(c, "redlock.clients." + name + ".", c.inheritFrom().orElse(null)));
            }
        });
        raw.values().forEach(this::check);

        Duration defaultLeaseTime = Settings.defaultLeaseTime(profiles);
        Map<String, ClientSettings> clients = new LinkedHashMap<>();
        for (String name : raw.keySet()) {
            Raw merged = merge(name, raw, new ArrayList<>());
            if (merged != null) {
                clients.put(name, finish(name, merged, defaultLeaseTime));
            }
        }

        Map<String, Settings.ModuleSettings> modules = new TreeMap<>();
        config.modules().forEach((name, m) -> {
            String prefix = "redlock.modules.\"" + name + "\".";
            positive(m.leaseTime(), prefix + "lease-time");
            notNegative(m.waitTime(), prefix + "wait-time");
            modules.put(name, new Settings.ModuleSettings(m.leaseTime().orElse(null), m.waitTime().orElse(null),
                    m.client().orElse(null)));
        });
        Map<String, Settings.MetaSettings> metas = new TreeMap<>();
        config.meta().forEach((name, m) -> {
            List<String> modes = m.mode().map(l -> l.contains(ALL_MODES) ? List.<String>of() : List.copyOf(l))
                    .orElse(null);
            metas.put(name, new Settings.MetaSettings(m.enable().orElse(null), modes, m.client().orElse(null)));
        });
        for (Map.Entry<String, Settings.ModuleSettings> e : modules.entrySet()) {
            checkClientRef(e.getValue().client(), "redlock.modules.\"" + e.getKey() + "\".client", clients);
        }
        for (Map.Entry<String, Settings.MetaSettings> e : metas.entrySet()) {
            checkClientRef(e.getValue().client(), "redlock.meta.\"" + e.getKey() + "\".client", clients);
        }
        return new Settings(appName, keyPrefix, profiles, Collections.unmodifiableMap(clients), modules, metas,
                logLevel(config.inspect().logLevel().orElse("INFO"), "redlock.inspect.log-level"));
    }

    /** A level by the names logging frameworks use, in any case; a problem (and INFO) for any other. */
    private System.Logger.Level logLevel(String value, String property) {
        switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "TRACE" :
                return System.Logger.Level.TRACE;
            case "DEBUG" :
                return System.Logger.Level.DEBUG;
            case "INFO" :
                return System.Logger.Level.INFO;
            case "WARN", "WARNING" :
                return System.Logger.Level.WARNING;
            case "ERROR" :
                return System.Logger.Level.ERROR;
            case "OFF" :
                return System.Logger.Level.OFF;
            default :
                problems.add(CdiMessages.badValue(property, value,
                        "use TRACE, DEBUG, INFO, WARN, ERROR or OFF, such as 'DEBUG'"));
                return System.Logger.Level.INFO;
        }
    }

    /** MicroProfile reads any unknown word as {@code false}; a typo in {@code fifo=ture} should not pass. */
    private static @Nullable Boolean strictBoolean(String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "" -> null;
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("expected true or false, was '" + CdiMessages.shown(value) + "'");
        };
    }

    private void checkClientRef(@Nullable String client, String property, Map<String, ClientSettings> clients) {
        if (client != null && !clients.containsKey(client)) {
            problems.add(CdiMessages.unknownOverride(property, client, "client", clients.keySet()));
        }
    }

    /** A client's own values, before inheritance; {@code null} where unset. */
    private record Raw(String prefix, @Nullable String inheritFrom, @Nullable List<String> nodes,
            @Nullable String username, @Nullable String password, @Nullable String truststore,
            @Nullable String truststorePassword, @Nullable String keystore, @Nullable String keystorePassword,
            @Nullable Boolean verifyHostname, @Nullable Duration leaseTime, @Nullable Duration waitTime,
            @Nullable Double driftFactor, @Nullable Integer retryCount, @Nullable Duration retryDelay,
            @Nullable Duration retryJitter, @Nullable Duration extensionThreshold, @Nullable Boolean fifo,
            @Nullable Duration commandTimeout, @Nullable Duration unreachableTimeout) {

        static Raw of(Client c, String prefix, @Nullable String inheritFrom) {
            return new Raw(prefix, inheritFrom, c.nodes().orElse(null), c.username().orElse(null),
                    c.password().orElse(null), c.tls().truststore().orElse(null),
                    c.tls().truststorePassword().orElse(null), c.tls().keystore().orElse(null),
                    c.tls().keystorePassword().orElse(null), c.tls().verifyHostname().orElse(null),
                    c.leaseTime().orElse(null), c.waitTime().orElse(null), boxed(c.driftFactor()),
                    boxed(c.retryCount()), c.retryDelay().orElse(null), c.retryJitter().orElse(null),
                    c.extensionThreshold().orElse(null), c.fifo().orElse(null), c.commandTimeout().orElse(null),
                    c.unreachableTimeout().orElse(null));
        }

        Raw over(Raw parent) {
            return new Raw(prefix, inheritFrom, or(nodes, parent.nodes), or(username, parent.username),
                    or(password, parent.password), or(truststore, parent.truststore),
                    or(truststorePassword, parent.truststorePassword), or(keystore, parent.keystore),
                    or(keystorePassword, parent.keystorePassword), or(verifyHostname, parent.verifyHostname),
                    or(leaseTime, parent.leaseTime), or(waitTime, parent.waitTime), or(driftFactor, parent.driftFactor),
                    or(retryCount, parent.retryCount), or(retryDelay, parent.retryDelay),
                    or(retryJitter, parent.retryJitter), or(extensionThreshold, parent.extensionThreshold),
                    or(fifo, parent.fifo), or(commandTimeout, parent.commandTimeout),
                    or(unreachableTimeout, parent.unreachableTimeout));
        }

        private static <T> @Nullable T or(@Nullable T own, @Nullable T parent) {
            return own != null ? own : parent;
        }

        private static @Nullable Double boxed(OptionalDouble d) {
            return d.isPresent() ? d.getAsDouble() : null;
        }

        private static @Nullable Integer boxed(OptionalInt i) {
            return i.isPresent() ? i.getAsInt() : null;
        }

        @Override
        public String toString() {
            return "Raw[" + prefix + "]"; // never the passwords
        }
    }

    /** Checks the values a client sets itself, reporting each under its own property. */
    private void check(Raw r) {
        if (r.nodes() != null) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < r.nodes().size(); i++) {
                String property = r.prefix() + "nodes[" + i + "]";
                ClientSettings.NodeAddress a = parseNode(r.nodes().get(i), property, null, null);
                if (a != null && seen.contains(a.uri())) {
                    problems.add(CdiMessages.badValue(property, redact(r.nodes().get(i)), "repeats nodes["
                            + seen.indexOf(a.uri()) + "]; give each independent Redis master once, or it would"
                            + " vote twice"));
                }
                seen.add(a == null ? "" : a.uri());
            }
        }
        positive(Optional.ofNullable(r.leaseTime()), r.prefix() + "lease-time");
        notNegative(Optional.ofNullable(r.waitTime()), r.prefix() + "wait-time");
        if (r.driftFactor() != null && !(r.driftFactor() >= 0 && r.driftFactor() <= 0.1)) {
            problems.add(CdiMessages.badValue(r.prefix() + "drift-factor", r.driftFactor(),
                    "use a factor in [0, 0.1], such as 0.01"));
        }
        if (r.retryCount() != null && r.retryCount() < -1) {
            problems.add(CdiMessages.badValue(r.prefix() + "retry-count", r.retryCount(),
                    "use -1 (until the wait time ends) or a count of at least 0"));
        }
        notNegative(Optional.ofNullable(r.retryDelay()), r.prefix() + "retry-delay");
        notNegative(Optional.ofNullable(r.retryJitter()), r.prefix() + "retry-jitter");
        positive(Optional.ofNullable(r.extensionThreshold()), r.prefix() + "extension-threshold");
        positive(Optional.ofNullable(r.commandTimeout()), r.prefix() + "command-timeout");
        notNegative(Optional.ofNullable(r.unreachableTimeout()), r.prefix() + "unreachable-timeout");
        store(url(r.truststore(), r.prefix() + "tls.truststore"), r.prefix() + "tls.truststore", r.truststore());
        store(url(r.keystore(), r.prefix() + "tls.keystore"), r.prefix() + "tls.keystore", r.keystore());
    }

    private @Nullable Raw merge(String name, Map<String, Raw> raw, List<String> path) {
        Raw own = raw.get(name);
        if (own == null || name.equals(Settings.DEFAULT_CLIENT)) {
            return own;
        }
        String parentName = own.inheritFrom() == null ? Settings.DEFAULT_CLIENT : own.inheritFrom();
        String property = own.prefix() + "inherit-from";
        if (!raw.containsKey(parentName)) {
            problems.add(CdiMessages.badInheritFrom(property, parentName, "no such client"));
            return null;
        }
        path.add(name);
        if (path.contains(parentName)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(parentName), path.size()));
            cycle.add(parentName);
            problems.add(CdiMessages.badInheritFrom(property, parentName, "inheritance cycle " + String.join(" -> ", cycle)));
            return null;
        }
        Raw parent = merge(parentName, raw, path);
        return parent == null ? null : own.over(parent);
    }

    private ClientSettings finish(String name, Raw r, Duration defaultLeaseTime) {
        List<ClientSettings.NodeAddress> nodes = new ArrayList<>();
        if (r.nodes() == null || r.nodes().isEmpty()) {
            if (name.equals(Settings.DEFAULT_CLIENT)) {
                problems.add(CdiMessages.noNodes());
            } else {
                problems.add(CdiMessages.badValue(r.prefix() + "nodes", "",
                        "set the nodes of client '" + name + "' or of the client it inherits from"));
            }
        } else {
            for (String uri : r.nodes()) {
                ClientSettings.NodeAddress a = parseNode(uri, null, r.username(), r.password());
                if (a != null) {
                    nodes.add(a);
                }
            }
        }
        Duration leaseTime = r.leaseTime() != null ? r.leaseTime() : defaultLeaseTime;
        Duration threshold = r.extensionThreshold() != null ? r.extensionThreshold() : DEFAULT_EXTENSION_THRESHOLD;
        if (!leaseTime.isNegative() && !leaseTime.isZero() && !threshold.isNegative() && !threshold.isZero()
                && threshold.compareTo(leaseTime) >= 0) {
            problems.add(CdiMessages.badValue(r.prefix() + "extension-threshold", threshold,
                    "must be below the lease time " + leaseTime + " of client '" + name + "'"));
        }
        ClientSettings.TlsSettings tls = new ClientSettings.TlsSettings(url(r.truststore(), null),
                r.truststorePassword(), url(r.keystore(), null), r.keystorePassword(),
                r.verifyHostname() == null || r.verifyHostname());
        return new ClientSettings(name, List.copyOf(nodes), tls, leaseTime, r.waitTime(),
                r.driftFactor() != null ? r.driftFactor() : Redlock.DEFAULT_DRIFT_FACTOR,
                r.retryCount() != null ? r.retryCount() : Redlock.DEFAULT_RETRY_COUNT,
                or(r.retryDelay(), Redlock.DEFAULT_RETRY_DELAY), or(r.retryJitter(), Redlock.DEFAULT_RETRY_JITTER),
                threshold, r.fifo() != null && r.fifo(), or(r.commandTimeout(), Redlock.DEFAULT_COMMAND_TIMEOUT),
                or(r.unreachableTimeout(), Redlock.DEFAULT_UNREACHABLE_TIMEOUT));
    }

    private static Duration or(@Nullable Duration value, Duration dflt) {
        return value != null ? value : dflt;
    }

    /**
     * Parses a node URI; reports a problem under {@code property} if given, else returns {@code null} silently
     * (the problem was reported when the client's own values were checked).
     */
    private ClientSettings.@Nullable NodeAddress parseNode(String text, @Nullable String property,
            @Nullable String username, @Nullable String password) {
        String why;
        try {
            NodeUri uri = NodeUri.parse(text);
            if (uri.extra()) {
                why = "give only scheme, credentials, host and port";
            } else {
                boolean own = uri.user() != null || uri.password() != null;
                NodeUri node = own ? uri : uri.withCredentials(username, password);
                return new ClientSettings.NodeAddress(node.address(), node.user(), node.password());
            }
        } catch (NodeUri.InvalidUri e) {
            why = switch (e.problem()) {
                case NOT_A_URI -> "not a URI (" + e.getMessage() + ")";
                case SCHEME -> "use the scheme redis:// or rediss://";
                case HOST -> "give a host, such as redis://127.0.0.1:6379";
                case PORT -> "give a port from 1 to 65535";
                case DATABASE -> "give only scheme, credentials, host and port";
            };
        }
        if (property != null) {
            problems.add(CdiMessages.badValue(property, redact(text), why));
        }
        return null;
    }

    /** Hides a password in a URI shown in a message. */
    static String redact(String uri) {
        return NodeUri.mask(uri);
    }

    private @Nullable URL url(@Nullable String location, @Nullable String property) {
        if (location == null) {
            return null;
        }
        try {
            return location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") && !location.matches("[A-Za-z]:\\\\.*")
                    ? new URI(location).toURL()
                    : Path.of(location).toUri().toURL();
        } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
            if (property != null) {
                problems.add(CdiMessages.badValue(property, location, "give a file path or a URL"));
            }
            return null;
        }
    }

    /** A trust or key store that is a local file must exist now, not when the first TLS handshake needs it. */
    private void store(@Nullable URL url, String property, @Nullable String location) {
        if (url != null && url.getProtocol().equals("file")) {
            try {
                if (!Files.isReadable(Path.of(url.toURI()))) {
                    problems.add(CdiMessages.badValue(property, location, "no readable file there; give the path of"
                            + " a PKCS12 or JKS store"));
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                problems.add(CdiMessages.badValue(property, location, "give a file path or a URL"));
            }
        }
    }

    private void positive(Optional<Duration> d, String property) {
        check(d, property, x -> x.isNegative() || x.isZero() ? "must be positive" : Limits.tooLong(x));
    }

    private void notNegative(Optional<Duration> d, String property) {
        check(d, property, x -> x.isNegative() ? "must not be negative" : Limits.tooLong(x));
    }

    private void check(Optional<Duration> d, String property, Function<Duration, @Nullable String> rule) {
        d.ifPresent(x -> {
            String why = rule.apply(x);
            if (why != null) {
                problems.add(CdiMessages.badValue(property, x, why));
            }
        });
    }
}
