package dev.redlock.datasource;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;

import dev.redlock.datasource.internal.DatasourceConfigReader;
import dev.redlock.datasource.internal.DatasourceDeployment;

/**
 * The portable extension of {@code redlock-datasource}: registers {@link DatasourceLevels} (the
 * {@code DatasourceIsolation} that {@code lockIsolate} uses), and reports every bad {@code redlock.datasources.*}
 * setting, unresolvable DataSource mapping, transaction-manager setting and unknown {@code @Datasource} name as a
 * deployment problem, all of them at once. The checks themselves are plain code in the module's internals.
 *
 * <p>Found through {@code META-INF/services}; with discovery disabled (Weld SE tests) add it with
 * {@code addExtension(new DatasourceExtension())}.
 *
 * @since 0.1
 */
public class DatasourceExtension implements Extension {

    private final Queue<InjectionPoint> injectionPoints = new ConcurrentLinkedQueue<>();

    /** Created by the container through {@code META-INF/services}, or by {@code Weld.addExtension}. */
    public DatasourceExtension() {
    }

    void register(@Observes BeforeBeanDiscovery bbd) {
        bbd.addAnnotatedType(DatasourceLevels.class, DatasourceLevels.class.getName());
    }

    void collect(@Observes ProcessInjectionPoint<?, ?> pip) {
        InjectionPoint ip = pip.getInjectionPoint();
        if (ip.getQualifiers().stream().anyMatch(Datasource.class::isInstance)) {
            injectionPoints.add(ip);
        }
    }

    void validate(@Observes AfterDeploymentValidation adv, BeanManager beanManager) {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = tccl != null ? tccl : DatasourceExtension.class.getClassLoader();
        for (String problem : DatasourceDeployment.problems(DatasourceConfigReader.currentConfig(loader), beanManager,
                injectionPoints)) {
            adv.addDeploymentProblem(new DeploymentException(problem));
        }
    }
}
