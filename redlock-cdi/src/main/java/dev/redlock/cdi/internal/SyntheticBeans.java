package dev.redlock.cdi.internal;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanDisposer;
import jakarta.enterprise.inject.spi.DeploymentException;

import dev.redlock.api.spi.RedlockBinder;
import dev.redlock.core.Redlock;

/**
 * The creators of the synthetic beans the build-compatible extension registers. Each is instantiated by the
 * container (public, no-argument constructor) and gets what the build found as {@link Parameters}.
 */
public final class SyntheticBeans {

    /** Parameter: the {@code @Meta} class names. */
    public static final String METAS = "metas";
    /** Parameter: the names of bean classes extending {@code BeanRedlockBase} without {@code @Meta}. */
    public static final String BASES = "bases";
    /** Parameter: the unqualified {@code BeanRedlockBase<?, ?>} injection points, {@link Deployment.Site#encode}d. */
    public static final String UNQUALIFIED = "unqualified";
    /** Parameter: the {@code @InModule} injection points, {@link Deployment.Site#encode}d. */
    public static final String QUALIFIED = "qualified";
    /** Parameter: whether the application observes {@code RedlockEvent} asynchronously. */
    public static final String ASYNC_OBSERVERS = "asyncObservers";
    /** Parameter: the {@code @RedlockClient} injection points, {@link Deployment.Site#encode}d. */
    public static final String CLIENTS = "clients";
    /** Parameter: the client of a {@code @RedlockClient} bean. */
    public static final String CLIENT = "client";
    /** Parameter: the {@code @Locked} methods, {@link LockedMethods.Site#encode}d. */
    public static final String LOCKED = "locked";
    /** Parameter: the module of an {@code @InModule} bean. */
    public static final String MODULE = "module";

    private SyntheticBeans() {
    }

    /**
     * The parameter value of a list of strings.
     *
     * @param values the strings
     * @return the array
     */
    public static String[] param(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static List<String> list(Parameters params, String key) {
        return Arrays.asList(params.get(key, String[].class, new String[0]));
    }

    /**
     * Creates the {@link Deployment}: validates what the build found together with the configuration and starts the
     * engines; every problem found fails the creation, and so the application's start, at once.
     */
    public static final class DeploymentCreator implements SyntheticBeanCreator<Deployment> {

        /** Instantiated by the container. */
        public DeploymentCreator() {
        }

        @Override
        public Deployment create(Instance<Object> lookup, Parameters params) {
            Deployment.Discovered discovered = new Deployment.Discovered(list(params, METAS), list(params, BASES),
                    list(params, UNQUALIFIED).stream().map(Deployment.Site::decode).toList(),
                    list(params, QUALIFIED).stream().map(Deployment.Site::decode).toList(),
                    list(params, CLIENTS).stream().map(Deployment.Site::decode).toList(),
                    params.get(ASYNC_OBSERVERS, Boolean.class, false),
                    list(params, LOCKED).stream().map(LockedMethods.Site::decode).toList());
            Deployment deployment = Deployment.of(classLoader(), discovered);
            List<DeploymentException> problems = deployment.validateAndStart(lookup);
            if (!problems.isEmpty()) {
                throw CdiMessages.deploymentProblems(problems);
            }
            return deployment;
        }
    }

    /** Closes the {@link Deployment} at shutdown, releasing the locks its engines still hold. */
    public static final class DeploymentDisposer implements SyntheticBeanDisposer<Deployment> {

        /** Instantiated by the container. */
        public DeploymentDisposer() {
        }

        @Override
        public void dispose(Deployment deployment, Instance<Object> lookup, Parameters params) {
            deployment.close();
        }
    }

    /** The {@link RedlockBinder} that meta beans bind through: the running runtime. */
    public static final class BinderCreator implements SyntheticBeanCreator<RedlockBinder> {

        /** Instantiated by the container. */
        public BinderCreator() {
        }

        @Override
        public RedlockBinder create(Instance<Object> lookup, Parameters params) {
            return lookup.select(Deployment.class).get().runtime();
        }
    }

    /** An unqualified {@code BeanRedlockBase<?, ?>}: the meta of the injecting class's module. */
    public static final class ByInjectionPoint implements SyntheticBeanCreator<Object> {

        /** Instantiated by the container. */
        public ByInjectionPoint() {
        }

        @Override
        public Object create(Instance<Object> lookup, Parameters params) {
            return lookup.select(Deployment.class).get().forInjectionPoint(lookup);
        }
    }

    /** An {@code @InModule} {@code BeanRedlockBase<?, ?>}: the meta of the named module. */
    public static final class ByModule implements SyntheticBeanCreator<Object> {

        /** Instantiated by the container. */
        public ByModule() {
        }

        @Override
        public Object create(Instance<Object> lookup, Parameters params) {
            return lookup.select(Deployment.class).get().forModule(lookup, params.get(MODULE, String.class));
        }
    }

    /** The default client's engine: an unqualified {@code Redlock}. */
    public static final class DefaultEngine implements SyntheticBeanCreator<Redlock> {

        /** Instantiated by the container. */
        public DefaultEngine() {
        }

        @Override
        public Redlock create(Instance<Object> lookup, Parameters params) {
            return lookup.select(Deployment.class).get().runtime().engine(Settings.DEFAULT_CLIENT);
        }
    }

    /** A named client's engine: {@code @RedlockClient("name") Redlock}. */
    public static final class ByClient implements SyntheticBeanCreator<Redlock> {

        /** Instantiated by the container. */
        public ByClient() {
        }

        @Override
        public Redlock create(Instance<Object> lookup, Parameters params) {
            return lookup.select(Deployment.class).get().runtime().engine(params.get(CLIENT, String.class));
        }
    }

    /**
     * The application class loader: the context class loader, else this library's.
     *
     * @return the loader
     */
    public static ClassLoader classLoader() {
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        return tccl != null ? tccl : SyntheticBeans.class.getClassLoader();
    }
}
