package dev.redlock.datasource.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * The start-up checks of {@link DatasourceDeployment} where the portable extension does not run (Quarkus): a
 * synthetic bean that the build-compatible extension registers with the {@code @Datasource} injection points it
 * found; creating it runs the checks and fails with every problem at once. {@code DatasourceLevels} creates it when
 * the application starts. Holds nothing.
 */
public final class StartChecks {

    /** The parameter with the datasource names of the {@code @Datasource} injection points. */
    public static final String NAMES = "names";
    /** The parameter with where those injection points are, in the same order. */
    public static final String WHERES = "wheres";

    private StartChecks() {
    }

    /** Runs the checks when the container creates the bean. */
    public static final class Creator implements SyntheticBeanCreator<StartChecks> {

        /** Instantiated by the container. */
        public Creator() {
        }

        @Override
        public StartChecks create(Instance<Object> lookup, Parameters params) {
            String[] names = params.get(NAMES, String[].class, new String[0]);
            String[] wheres = params.get(WHERES, String[].class, new String[0]);
            List<DatasourceDeployment.Use> uses = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                uses.add(new DatasourceDeployment.Use(names[i], wheres[i]));
            }
            ClassLoader tccl = Thread.currentThread().getContextClassLoader();
            List<String> problems = DatasourceDeployment.check(
                    DatasourceConfigReader.currentConfig(tccl != null ? tccl : StartChecks.class.getClassLoader()),
                    lookup.select(BeanManager.class).get(), uses);
            if (!problems.isEmpty()) {
                throw new DeploymentException(problems.size() + " redlock-datasource problem(s):\n"
                        + String.join("\n", problems));
            }
            return new StartChecks();
        }
    }
}
