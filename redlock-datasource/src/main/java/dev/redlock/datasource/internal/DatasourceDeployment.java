package dev.redlock.datasource.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;

import org.eclipse.microprofile.config.Config;

import dev.redlock.datasource.Datasource;

/**
 * Everything {@code redlock-datasource} checks at deployment, in one plain method that the CDI extension only calls
 * (so that a build-compatible extension can call it too): the {@code redlock.datasources.*} settings, the
 * application's DataSources that levels are mapped to, the JTA transaction manager, and the names of the
 * {@code @Datasource} injection points. Every problem is returned, so one start-up shows them all.
 */
public final class DatasourceDeployment {

    private DatasourceDeployment() {
    }

    /**
     * Checks the deployment.
     *
     * @param config          the configuration
     * @param beanManager     the bean manager
     * @param injectionPoints the injection points qualified {@code @Datasource}
     * @return a message per problem, each with its RL code and the key or injection point; empty if all is well
     */
    public static List<String> problems(Config config, BeanManager beanManager,
            Collection<InjectionPoint> injectionPoints) {
        return check(config, beanManager, injectionPoints.stream().flatMap(ip -> ip.getQualifiers().stream()
                .filter(Datasource.class::isInstance)
                .map(q -> new Use(((Datasource) q).value(), DatasourceMessages.describe(ip)))).toList());
    }

    /**
     * A {@code @Datasource} injection point: the datasource it names and where it is.
     *
     * @param name  the qualifier's value
     * @param where the injection point, as {@code com.acme.Reports.dataSource} or
     *              {@code com.acme.Reports.<init> (parameter 0)}
     */
    public record Use(String name, String where) {
    }

    /**
     * Checks the deployment, with the {@code @Datasource} injection points as the build found them.
     *
     * @param config      the configuration
     * @param beanManager the bean manager
     * @param uses        the {@code @Datasource} injection points
     * @return a message per problem, each with its RL code and the key or injection point; empty if all is well
     */
    public static List<String> check(Config config, BeanManager beanManager, Collection<Use> uses) {
        DatasourceConfigReader.Result read = DatasourceConfigReader.check(config);
        List<String> problems = new ArrayList<>(read.problems());
        problems.addAll(LevelResolver.resolve(read.settings().values(), beanManager, false).problems());
        TransactionIsolation.find(beanManager, config, problems);
        if (read.problems().isEmpty()) { // with bad settings, every name would look unknown
            uses.stream().filter(u -> !read.settings().containsKey(u.name()))
                    .map(u -> DatasourceMessages.unknownDatasource(u.name(), read.settings().keySet()).getMessage()
                            + "; injection point: " + u.where())
                    .sorted().distinct().forEach(problems::add);
        }
        return problems;
    }
}
