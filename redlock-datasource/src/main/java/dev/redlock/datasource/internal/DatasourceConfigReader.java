package dev.redlock.datasource.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jspecify.annotations.Nullable;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.redlock.api.spi.DurationConverter;
import dev.redlock.datasource.DatasourceSettings;
import dev.redlock.datasource.LevelSource;

/**
 * Reads {@code redlock.datasources.<name>.*} by hand: the names are open-ended, and the CDI layer's config mapping
 * deliberately leaves this namespace alone. Every problem is collected, so one start-up shows them all.
 */
public final class DatasourceConfigReader {

    /** The properties a datasource accepts, besides {@code levels.<n>.bean} and {@code levels.<n>.jndi}. */
    static final List<String> PROPERTIES = List.of("url", "user", "password", "pool-size", "connection-timeout");
    /** {@code levels.<n>.bean} or {@code levels.<n>.jndi}; the level is checked separately. */
    private static final Pattern LEVEL_PROPERTY = Pattern.compile("levels\\.([^.]*)\\.(bean|jndi)");

    /** Environment-variable form, e.g. {@code REDLOCK_DATASOURCES_MY_DB_POOL_SIZE}. */
    private static final Pattern ENV_NAME = Pattern
            .compile("REDLOCK_DATASOURCES_([A-Z0-9_]+)_(URL|USER|PASSWORD|POOL_SIZE|CONNECTION_TIMEOUT)");

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    private DatasourceConfigReader(Config config) {
        this.config = config;
    }

    /**
     * What the configuration holds: the datasources that could be read, and a problem per bad key.
     *
     * @param settings the datasources by name, sorted; empty if none is configured
     * @param problems one message per bad key, each with its RL code; empty if all is well
     */
    public record Result(Map<String, DatasourceSettings> settings, List<String> problems) {
    }

    /**
     * Reads every configured datasource.
     *
     * @param config the configuration
     * @return the datasources by name, sorted; empty if none is configured
     * @throws IllegalArgumentException naming every bad key (RL2502 to RL2512), one per line
     */
    public static Map<String, DatasourceSettings> read(Config config) {
        Result result = check(config);
        if (!result.problems().isEmpty()) {
            throw DatasourceMessages.badConfig(result.problems());
        }
        return result.settings();
    }

    /**
     * Reads every configured datasource and collects the problems, for deployment validation.
     *
     * @param config the configuration
     * @return the datasources and the problems
     */
    public static Result check(Config config) {
        DatasourceConfigReader reader = new DatasourceConfigReader(config);
        Map<String, DatasourceSettings> settings = reader.readAll();
        return new Result(settings, List.copyOf(reader.problems));
    }

    /**
     * The application's configuration as it is now: a config built afresh from the sources of
     * {@code ConfigProvider.getConfig(loader)}, as the redlock extension does at start-up. The provider's own config
     * lists its property names once, when it is first built, and would miss properties set after that.
     *
     * @param loader the application class loader
     * @return the config
     */
    public static Config currentConfig(ClassLoader loader) {
        Config app = ConfigProvider.getConfig(loader);
        List<ConfigSource> sources = new ArrayList<>();
        app.getConfigSources().forEach(sources::add);
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder();
        if (app instanceof SmallRyeConfig smallRye && isQuarkus(app)) {
            // Quarkus sets its profiles on its config, not through a source (as redlock-cdi's SettingsLoader)
            builder.withProfiles(smallRye.getProfiles());
        }
        return builder.forClassLoader(loader).withSources(sources).addDefaultInterceptors().build();
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

    private Map<String, DatasourceSettings> readAll() {
        Map<String, Set<String>> properties = new TreeMap<>();
        for (String raw : config.getPropertyNames()) {
            collect(raw, properties);
        }
        Map<String, DatasourceSettings> result = new TreeMap<>();
        properties.forEach((name, props) -> {
            props.stream().filter(p -> !PROPERTIES.contains(p) && !LEVEL_PROPERTY.matcher(p).matches())
                    .forEach(p -> problems.add(DatasourceMessages.unknownProperty(DatasourceMessages.key(name, p))));
            DatasourceSettings settings = readOne(name, levels(name, props));
            if (settings != null) {
                result.put(name, settings);
            }
        });
        return result;
    }

    private void collect(String raw, Map<String, Set<String>> properties) {
        if (collectEnvironment(raw, properties)) {
            return;
        }
        String key = raw;
        if (raw.startsWith("%")) { // a profile: count it only when it is active (or a plain value exists)
            int dot = raw.indexOf('.');
            key = dot < 0 ? raw : raw.substring(dot + 1);
            if (dot < 0 || value(key).isEmpty()) {
                return;
            }
        }
        if (!key.startsWith(DatasourceMessages.PREFIX)) {
            return;
        }
        String rest = key.substring(DatasourceMessages.PREFIX.length());
        String name;
        String property;
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            if (close < 0) {
                problems.add(DatasourceMessages.unknownProperty(key));
                return;
            }
            name = rest.substring(1, close);
            property = rest.length() > close + 1 ? rest.substring(close + 2) : "";
        } else {
            int dot = rest.indexOf('.');
            name = dot < 0 ? rest : rest.substring(0, dot);
            property = dot < 0 ? "" : rest.substring(dot + 1);
        }
        if (name.isEmpty()) {
            problems.add(DatasourceMessages.unknownProperty(key));
            return;
        }
        properties.computeIfAbsent(name, n -> new TreeSet<>()).add(property);
    }

    /**
     * An environment variable names its datasource ambiguously ({@code MY_DB} is {@code my-db} or {@code my.db});
     * like SmallRye's mapping, read it as {@code my-db}, then look the values up under the dotted keys, which
     * SmallRye maps back to the variable. Depending on the version the source lists the variable as
     * {@code REDLOCK_DATASOURCES_MY_DB_URL} or as {@code redlock.datasources.my.db.url}; both are recognized.
     *
     * @return whether {@code raw} came from the environment (and was handled)
     */
    private boolean collectEnvironment(String raw, Map<String, Set<String>> properties) {
        boolean envForm = raw.startsWith("REDLOCK_");
        if (!envForm && !(raw.startsWith(DatasourceMessages.PREFIX) && fromEnvironment(raw))) {
            return false;
        }
        Matcher env = ENV_NAME.matcher(raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        if (env.matches()) {
            String name = env.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
            properties.computeIfAbsent(name, n -> new TreeSet<>())
                    .add(env.group(2).toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return true;
    }

    private boolean fromEnvironment(String key) {
        String source = config.getConfigValue(key).getSourceName();
        return source != null && source.startsWith("EnvConfigSource");
    }

    /**
     * The levels mapped with {@code levels.<n>.bean} or {@code levels.<n>.jndi}, or {@code null} after recording a
     * problem.
     */
    private @Nullable Map<Integer, LevelSource> levels(String name, Set<String> props) {
        Map<Integer, LevelSource> levels = new TreeMap<>();
        boolean bad = false;
        Set<String> seen = new TreeSet<>();
        for (String p : props) {
            Matcher m = LEVEL_PROPERTY.matcher(p);
            if (!m.matches() || !seen.add(m.group(1))) {
                continue;
            }
            String level = m.group(1);
            String beanKey = DatasourceMessages.key(name, "levels." + level + ".bean");
            String jndiKey = DatasourceMessages.key(name, "levels." + level + ".jndi");
            int n = level.matches("\\d{1,9}") ? Integer.parseInt(level) : -1;
            if (n < 0) {
                problems.add(DatasourceMessages.badLevel(DatasourceMessages.key(name, "levels." + level), level));
                bad = true;
                continue;
            }
            Optional<String> bean = value(beanKey).filter(v -> !v.isBlank());
            Optional<String> jndi = value(jndiKey).filter(v -> !v.isBlank());
            if (bean.isPresent() && jndi.isPresent()) {
                problems.add(DatasourceMessages.beanAndJndi(beanKey, jndiKey));
                bad = true;
            } else if (bean.isPresent()) {
                levels.put(n, LevelSource.bean(bean.get().trim()));
            } else if (jndi.isPresent()) {
                levels.put(n, LevelSource.jndi(jndi.get().trim()));
            }
        }
        return bad ? null : levels;
    }

    private @Nullable DatasourceSettings readOne(String name, @Nullable Map<Integer, LevelSource> levels) {
        Optional<String> url = value(DatasourceMessages.key(name, "url"));
        if (url.isEmpty() && levels != null && levels.isEmpty()) {
            problems.add(DatasourceMessages.missingUrl(name));
        }
        int poolSize = poolSize(DatasourceMessages.key(name, "pool-size"));
        Duration timeout = timeout(DatasourceMessages.key(name, "connection-timeout"));
        if (levels == null || url.isEmpty() && levels.isEmpty() || poolSize < 1 || timeout == null) {
            return null;
        }
        DatasourceSettings.Builder builder = DatasourceSettings.builder(name, url.orElse(null))
                .user(value(DatasourceMessages.key(name, "user")).orElse(null))
                .password(value(DatasourceMessages.key(name, "password")).orElse(null)).poolSize(poolSize)
                .connectionTimeout(timeout);
        levels.forEach(builder::level);
        return builder.build();
    }

    /** The pool size, or 0 after recording a problem. */
    private int poolSize(String key) {
        Optional<String> value = value(key);
        if (value.isEmpty()) {
            return DatasourceSettings.DEFAULT_POOL_SIZE;
        }
        int size;
        try {
            size = Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            problems.add(DatasourceMessages.notAnInteger(key, value.get()));
            return 0;
        }
        if (size < 1) {
            problems.add(DatasourceMessages.poolSizeTooSmall(key, size));
            return 0;
        }
        return size;
    }

    /** The connection timeout, or {@code null} after recording a problem. */
    private @Nullable Duration timeout(String key) {
        Optional<String> value = value(key);
        if (value.isEmpty()) {
            return DatasourceSettings.DEFAULT_CONNECTION_TIMEOUT;
        }
        Duration timeout;
        try {
            timeout = DurationConverter.convert(value.get());
        } catch (IllegalArgumentException e) {
            problems.add(DatasourceMessages.badDuration(key, String.valueOf(e.getMessage())));
            return null;
        }
        if (timeout == null) {
            return DatasourceSettings.DEFAULT_CONNECTION_TIMEOUT;
        }
        if (timeout.compareTo(DatasourceSettings.MIN_CONNECTION_TIMEOUT) < 0) {
            problems.add(DatasourceMessages.timeoutTooShort(key, timeout));
            return null;
        }
        return timeout;
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class);
    }
}
