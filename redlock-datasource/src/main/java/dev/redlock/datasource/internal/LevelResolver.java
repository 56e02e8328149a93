package dev.redlock.datasource.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.naming.NamingException;
import javax.sql.DataSource;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Named;

import org.jspecify.annotations.Nullable;

import dev.redlock.datasource.Datasource;
import dev.redlock.datasource.DatasourceSettings;
import dev.redlock.datasource.LevelSource;

/**
 * Finds the application's own DataSources that levels are mapped to, and enforces the rule that keeps
 * {@code lockIsolate} free of deadlocks: no DataSource serves two levels. Used twice with the same rules: at
 * deployment to report problems (beans are only resolved, not created), and when the levels bean starts to get the
 * DataSources themselves.
 */
public final class LevelResolver {

    private static final String IDENTIFIER = "io.smallrye.common.annotation.Identifier";

    /**
     * The outcome.
     *
     * @param dataSources the mapped DataSources by datasource name and level (empty maps when only checking)
     * @param problems    a message per problem, each with its RL code
     */
    public record Resolved(Map<String, Map<Integer, DataSource>> dataSources, List<String> problems) {
    }

    private final @Nullable BeanManager beanManager;
    private final boolean create;
    private final List<String> problems = new ArrayList<>();
    /** What each mapped level resolved to (a Bean, or a DataSource object), with the key that mapped it. */
    private final Map<Object, String> seen = new IdentityHashMap<>();

    private LevelResolver(@Nullable BeanManager beanManager, boolean create) {
        this.beanManager = beanManager;
        this.create = create;
    }

    /**
     * Resolves every mapped level.
     *
     * @param settings    the datasources
     * @param beanManager the bean manager, or {@code null} outside CDI (bean mappings are then problems)
     * @param create      whether to get the DataSources (when the levels bean starts) or only to check (deployment)
     * @return the DataSources and the problems
     */
    public static Resolved resolve(Collection<DatasourceSettings> settings, @Nullable BeanManager beanManager,
            boolean create) {
        LevelResolver resolver = new LevelResolver(beanManager, create);
        Map<String, Map<Integer, DataSource>> out = new TreeMap<>();
        for (DatasourceSettings s : settings) {
            Map<Integer, DataSource> levels = new TreeMap<>();
            s.levels().forEach((level, source) -> {
                DataSource ds = resolver.resolve(s.name(), level, source);
                if (ds != null) {
                    levels.put(level, ds);
                }
            });
            out.put(s.name(), levels);
        }
        return new Resolved(out, List.copyOf(resolver.problems));
    }

    private @Nullable DataSource resolve(String datasource, int level, LevelSource source) {
        String key = DatasourceMessages.key(datasource, "levels." + level);
        if (source instanceof LevelSource.Direct d) {
            return unique(key, d.dataSource(), d.dataSource());
        }
        if (source instanceof LevelSource.Jndi j) {
            return jndi(key + ".jndi", j.name());
        }
        return bean(key + ".bean", ((LevelSource.Bean) source).name());
    }

    private @Nullable DataSource jndi(String key, String name) {
        Object found;
        try {
            found = Jndi.lookup(name);
        } catch (NamingException | RuntimeException e) {
            problems.add(DatasourceMessages.jndiFailed(key, name, e));
            return null;
        }
        if (!(found instanceof DataSource ds)) {
            problems.add(DatasourceMessages.jndiNotADataSource(key, name, found));
            return null;
        }
        return unique(key, ds, ds);
    }

    private @Nullable DataSource bean(String key, String name) {
        BeanManager bm = beanManager;
        if (bm == null) {
            problems.add(DatasourceMessages.beanOutsideCdi(key));
            return null;
        }
        List<Bean<?>> matches = new ArrayList<>();
        Set<String> named = new TreeSet<>();
        for (Bean<?> bean : bm.getBeans(DataSource.class, Any.Literal.INSTANCE)) {
            if (bean.getQualifiers().stream().anyMatch(Datasource.class::isInstance)) {
                continue; // ours: the level-following DataSources
            }
            for (Annotation q : bean.getQualifiers()) {
                String n = nameOf(q);
                if (n != null) {
                    named.add(n);
                    if (n.equals(name)) {
                        matches.add(bean);
                    }
                }
            }
        }
        if (matches.isEmpty()) {
            problems.add(DatasourceMessages.unknownBean(key, name, named));
            return null;
        }
        if (matches.size() > 1) {
            problems.add(DatasourceMessages.ambiguousBean(key, name,
                    matches.stream().map(b -> b.getBeanClass().getName()).sorted().toList()));
            return null;
        }
        Bean<?> bean = matches.get(0);
        DataSource ds = create
                ? (DataSource) bm.getReference(bean, DataSource.class, bm.createCreationalContext(bean))
                : null;
        return unique(key, bean, ds);
    }

    /** Records what a level resolved to; a second level on the same one is RL2516. */
    private @Nullable DataSource unique(String key, Object identity, @Nullable DataSource ds) {
        String first = seen.putIfAbsent(identity, key);
        if (first != null) {
            problems.add(DatasourceMessages.sameDataSourceTwice(first, key));
            return null;
        }
        return ds;
    }

    /** The name a qualifier gives: {@code @Named} or SmallRye's {@code @Identifier}, else {@code null}. */
    private static @Nullable String nameOf(Annotation q) {
        if (q instanceof Named n) {
            return n.value();
        }
        if (q.annotationType().getName().equals(IDENTIFIER)) {
            try {
                Method value = q.annotationType().getMethod("value");
                return String.valueOf(value.invoke(q));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
        return null;
    }
}
