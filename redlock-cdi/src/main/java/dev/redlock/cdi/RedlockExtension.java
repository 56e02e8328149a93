package dev.redlock.cdi;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.WithAnnotations;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.Meta;
import dev.redlock.cdi.internal.CdiMessages;
import dev.redlock.cdi.internal.Deployment;
import dev.redlock.cdi.internal.RedlockRuntime;

/**
 * The portable extension of Redlock for CDI, registered through {@code META-INF/services}.
 *
 * <p>During type discovery it collects every {@link Meta @Meta} class; it registers the {@link Onion} bean, the
 * runtime binder of the meta beans and the beans behind {@code BeanRedlockBase<?, ?>} injection points (unqualified:
 * the declaring class's module; {@link InModule @InModule}: the named module). In {@code AfterDeploymentValidation}
 * it reads {@link RedlockConfig}, reports every problem at once (codes {@code RL2xxx}, each naming the class or the
 * property and the fix) and starts one lock engine per configured client. At {@code BeforeShutdown} it closes the
 * engines, releasing the locks they still hold.
 *
 * <p>Not final: the container exposes extensions as application-scoped beans. Thread-safe.
 *
 * @since 0.1
 */
public class RedlockExtension implements Extension {

    private final Queue<Class<?>> metaClasses = new ConcurrentLinkedQueue<>();
    private volatile @Nullable Deployment deployment;

    /** Created by the container through {@code META-INF/services}, or by {@code Weld.addExtension}. */
    public RedlockExtension() {
    }

    void begin(@Observes BeforeBeanDiscovery bbd) {
        deployment = Deployment.begin(classLoader());
        bbd.addAnnotatedType(Onion.class, Onion.class.getName());
    }

    void collect(@Observes @WithAnnotations(Meta.class) ProcessAnnotatedType<?> pat) {
        Class<?> c = pat.getAnnotatedType().getJavaClass();
        if (c.isAnnotationPresent(Meta.class) && !c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
            metaClasses.add(c);
        }
    }

    void restrictTypes(@Observes ProcessBeanAttributes<?> pba) {
        deployment().restrictTypes(pba);
    }

    void injectionPoint(@Observes ProcessInjectionPoint<?, ?> pip) {
        deployment().injectionPoint(pip.getInjectionPoint());
    }

    void addBeans(@Observes AfterBeanDiscovery abd) {
        deployment().addBeans(new ArrayList<>(metaClasses), abd);
    }

    void validate(@Observes AfterDeploymentValidation adv, BeanManager beanManager) {
        List<? extends Throwable> problems = deployment().validateAndStart(beanManager);
        problems.forEach(adv::addDeploymentProblem);
    }

    void shutdown(@Observes BeforeShutdown bs) {
        if (deployment != null) {
            deployment.close();
        }
    }

    /** The runtime; for {@link Onion}. */
    RedlockRuntime runtime() {
        return deployment().runtime();
    }

    private Deployment deployment() {
        Deployment d = deployment;
        if (d == null) {
            throw CdiMessages.eventsOutOfOrder();
        }
        return d;
    }

    private static ClassLoader classLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : RedlockExtension.class.getClassLoader();
    }
}
