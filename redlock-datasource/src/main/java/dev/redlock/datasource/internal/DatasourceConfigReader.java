package dev.redlock.cdi.internal.datasource;

import java.time.Duration;
import java.time.format.DateTimeParseException;
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
import org.jspecify.annotations.Nullable;

import dev.redlock.cdi.DatasourceSettings;

/**
 * Reads {@code redlock.datasources.<name>.*} by hand: the names are open-ended, and the CDI layer's config mapping
 * deliberately leaves this namespace alone. Every problem is collected, so one start-up shows them all.
 */
public final class DatasourceConfigReader {

    /** The properties a datasource accepts. */
    static final List<String> PROPERTIES = List.of("url", "user", "password", "pool-size", "connection-timeout");

    /** Environment-variable form, e.g. {@code REDLOCK_DATASOURCES_MY_DB_POOL_SIZE}. */
    private static final Pattern ENV_NAME = Pattern
            .compile("REDLOCK_DATASOURCES_([A-Z0-9_]+)_(URL|USER|PASSWORD|POOL_SIZE|CONNECTION_TIMEOUT)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    private DatasourceConfigReader(Config config) {
        this.config = config;
    }

    /**
     * Reads every configured datasource.
     *
     * @param config the configuration
     * @return the datasources by name, sorted; empty if none is configured
     * @throws IllegalArgumentException naming every bad key (RL2502 to RL2507), one per line
     */
    public static Map<String, DatasourceSettings> read(Config config) {
        return new DatasourceConfigReader(config).readAll();
    }

    private Map<String, DatasourceSettings> readAll() {
        Map<String, Set<String>> properties = new TreeMap<>();
        for (String raw : config.getPropertyNames()) {
            collect(raw, properties);
        }
        Map<String, DatasourceSettings> result = new TreeMap<>();
        properties.forEach((name, props) -> {
            props.stream().filter(p -> !PROPERTIES.contains(p))
                    .forEach(p -> problems.add(DatasourceMessages.unknownProperty(DatasourceMessages.key(name, p))));
            DatasourceSettings settings = readOne(name);
            if (settings != null) {
                result.put(name, settings);
            }
        });
        if (!problems.isEmpty()) {
            throw DatasourceMessages.badConfig(problems);
        }
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

    private @Nullable DatasourceSettings readOne(String name) {
        Optional<String> url = value(DatasourceMessages.key(name, "url"));
        if (url.isEmpty()) {
            problems.add(DatasourceMessages.missingUrl(name));
        }
        int poolSize = poolSize(DatasourceMessages.key(name, "pool-size"));
        Duration timeout = timeout(DatasourceMessages.key(name, "connection-timeout"));
        if (url.isEmpty() || poolSize < 1 || timeout == null) {
            return null;
        }
        return DatasourceSettings.builder(name, url.get()).user(value(DatasourceMessages.key(name, "user")).orElse(null))
                .password(value(DatasourceMessages.key(name, "password")).orElse(null)).poolSize(poolSize)
                .connectionTimeout(timeout).build();
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
        Duration timeout = parseDuration(value.get());
        if (timeout == null) {
            problems.add(DatasourceMessages.badDuration(key, value.get()));
            return null;
        }
        if (timeout.compareTo(DatasourceSettings.MIN_CONNECTION_TIMEOUT) < 0) {
            problems.add(DatasourceMessages.timeoutTooShort(key, timeout));
            return null;
        }
        return timeout;
    }

    /**
     * Parses {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h} or ISO-8601 ({@code PT2S}). A bare number is refused:
     * HikariCP users read it as milliseconds, SmallRye users as seconds.
     */
    static @Nullable Duration parseDuration(String text) {
        String value = text.trim();
        if (value.startsWith("P") || value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } catch (ArithmeticException | NumberFormatException e) { // beyond a long or a Duration
            return null;
        }
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class);
    }
}
