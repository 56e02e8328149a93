package dev.redlock.cdi.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanContainer;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.InjectionPoint;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.spi.DatasourceIsolation;
import dev.redlock.api.spi.MetaNames;
import dev.redlock.api.spi.ResourceDeclaration;
import dev.redlock.cdi.InMeta;
import dev.redlock.cdi.InModule;
import dev.redlock.cdi.InstanceNameResolver;
import dev.redlock.cdi.RedlockEvent;

/**
 * One deployment of the extension: what discovery found, the validation, and the runtime started from it. The
 * build-compatible extension collects names at build time ({@link Discovered}); the synthetic beans it registers
 * create a deployment from them at run time, validate it and start the runtime.
 */
public final class Deployment {

    /** The meta name preferred when a module has several metas. */
    static final String DEFAULT_META = "redlock";

    /**
     * What the extension found at build time, as names only: it crosses from build time to run time as parameters
     * of a synthetic bean.
     *
     * @param metaClasses     the binary names of the concrete {@code @Meta} classes
     * @param baseWithoutMeta the binary names of bean classes extending {@code BeanRedlockBase} without {@code @Meta}
     * @param unqualified     the unqualified {@code BeanRedlockBase<?, ?>} injection points, keyed by the binary name
     *                        of their declaring class
     * @param qualified       the {@code @InModule} injection points, keyed by module name
     * @param clients         the {@code @RedlockClient} engine injection points, keyed by client name
     * @param asyncObservers  whether the application observes {@link RedlockEvent} asynchronously: only then are the
     *                        events also fired asynchronously
     * @param locked          the {@code @Locked} methods
     */
    public record Discovered(List<String> metaClasses, List<String> baseWithoutMeta, List<Site> unqualified,
            List<Site> qualified, List<Site> clients, boolean asyncObservers, List<LockedMethods.Site> locked) {

        /**
         * A copy.
         */
        public Discovered {
            metaClasses = List.copyOf(metaClasses);
            baseWithoutMeta = List.copyOf(baseWithoutMeta);
            unqualified = List.copyOf(unqualified);
            qualified = List.copyOf(qualified);
            clients = List.copyOf(clients);
            locked = List.copyOf(locked);
        }
    }

    /**
     * One injection point.
     *
     * @param key   the declaring class (unqualified) or the module name ({@code @InModule})
     * @param where {@code com.acme.Billing#field} or {@code com.acme.Billing#method(Type)}, for messages
     */
    public record Site(String key, String where) {

        private static final char SEPARATOR = '\n';

        /** This site as one string, for a synthetic bean parameter. */
        public String encode() {
            return key + SEPARATOR + where;
        }

        /**
         * The site {@link #encode()} gave.
         *
         * @param encoded the string
         * @return the site
         */
        public static Site decode(String encoded) {
            int i = encoded.indexOf(SEPARATOR);
            return new Site(encoded.substring(0, i), encoded.substring(i + 1));
        }
    }

    private final ClassLoader loader;
    private final RedlockIndex index;
    private final ModuleResolver resolver;
    private final Discovered discovered;
    private final List<MetaSite> sites;
    private final Map<String, List<MetaSite>> byModule;
    private volatile @Nullable RedlockRuntime runtime;
    /** The checked {@code @Locked} methods by {@link LockedMethods#signature}; filled by the validation. */
    private final Map<String, LockedMethods.Plan> lockedPlans = new ConcurrentHashMap<>();

    private Deployment(ClassLoader loader, RedlockIndex index, ModuleResolver resolver, Discovered discovered,
            List<MetaSite> sites) {
        this.loader = loader;
        this.index = index;
        this.resolver = resolver;
        this.discovered = discovered;
        this.sites = sites;
        Map<String, List<MetaSite>> modules = new TreeMap<>();
        for (MetaSite s : sites) {
            if (s.moduleName() != null) {
                modules.computeIfAbsent(s.moduleName(), k -> new ArrayList<>()).add(s);
            }
        }
        this.byModule = modules;
    }

    /**
     * The module names a build needs {@code @InModule} beans for: the modules of the metas (from the processor
     * indexes visible to {@code loader}, else the {@code package-info} classes) and the modules named by
     * {@code @InModule} injection points. Reads no application class but {@code package-info}.
     *
     * @param loader     the application class loader
     * @param discovered what the build found
     * @return the module names, sorted
     */
    public static Set<String> moduleNames(ClassLoader loader, Discovered discovered) {
        ModuleResolver resolver = new ModuleResolver(RedlockIndex.load(loader).modules);
        Set<String> names = new TreeSet<>();
        for (String c : discovered.metaClasses()) {
            ModuleResolver.ModuleDecl m = resolver.moduleOf(c, loader);
            if (m != null) {
                names.add(m.name());
            }
        }
        discovered.qualified().forEach(s -> names.add(s.key()));
        return names;
    }

    /**
     * A deployment at run time: reads the processor indexes visible to {@code loader} and loads the meta classes.
     *
     * @param loader     the application class loader
     * @param discovered what the build found
     * @return the deployment, not yet validated
     */
    public static Deployment of(ClassLoader loader, Discovered discovered) {
        RedlockIndex index = RedlockIndex.load(loader);
        ModuleResolver resolver = new ModuleResolver(index.modules);
        List<MetaSite> found = new ArrayList<>();
        for (String c : discovered.metaClasses()) {
            found.add(MetaSite.of(load(c, loader), index, resolver));
        }
        found.sort((a, b) -> a.beanClass().getName().compareTo(b.beanClass().getName()));
        return new Deployment(loader, index, resolver, discovered, List.copyOf(found));
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw CdiMessages.missingAtRunTime(name, e);
        }
    }

    /**
     * The reference behind an unqualified {@code BeanRedlockBase<?, ?>} injection point: the meta of the module of
     * the class that declares it.
     *
     * @param instance the lookup of the synthetic bean's creator
     * @return the meta bean
     */
    public Object forInjectionPoint(Instance<Object> instance) {
        InjectionPoint ip = instance.select(InjectionPoint.class).get();
        Member member = ip == null ? null : ip.getMember();
        if (member == null) {
            throw CdiMessages.noInjectionPoint();
        }
        ModuleResolver.ModuleDecl module = resolver.moduleOf(member.getDeclaringClass());
        if (module == null) {
            throw CdiMessages.injectionOutsideModuleAtLookup(where(ip));
        }
        return reference(instance, module.name(), () -> where(ip));
    }

    /**
     * The reference behind an {@code @InModule(module)} {@code BeanRedlockBase<?, ?>}.
     *
     * @param instance the lookup of the synthetic bean's creator
     * @param module   the module name
     * @return the meta bean
     */
    public Object forModule(Instance<Object> instance, String module) {
        return reference(instance, module, () -> "@InModule(\"" + module + "\")");
    }

    private Object reference(Instance<Object> instance, String module, Supplier<String> where) {
        List<MetaSite> metas = byModule.getOrDefault(module, List.of());
        MetaSite meta = defaultMeta(metas);
        if (meta == null) {
            throw metas.isEmpty()
                    ? CdiMessages.moduleWithoutMetaAtLookup(where.get(), module)
                    : CdiMessages.ambiguousModuleMetaAtLookup(where.get(), module, names(metas));
        }
        return instance.select(meta.beanClass()).get();
    }

    private static @Nullable MetaSite defaultMeta(List<MetaSite> metas) {
        if (metas.size() == 1) {
            return metas.get(0);
        }
        return metas.stream().filter(m -> m.meta().equals(DEFAULT_META)).findFirst().orElse(null);
    }

    /**
     * Validates everything discovery found and the configuration; if all is well, starts the runtime.
     *
     * @param lookup the lookup of the synthetic bean's creator
     * @return every problem found; empty if the runtime started
     */
    public List<DeploymentException> validateAndStart(Instance<Object> lookup) {
        List<DeploymentException> problems = discoveryProblems();
        List<String> resolvers = beanClasses(lookup.select(InstanceNameResolver.class));
        if (resolvers.size() > 1) {
            problems.add(CdiMessages.ambiguousInstanceResolver(resolvers));
        }
        List<String> isolations = beanClasses(lookup.select(DatasourceIsolation.class));
        if (isolations.size() > 1) { // lockIsolate would not know which levels to use
            problems.add(CdiMessages.ambiguousIsolation(isolations));
        }
        SettingsLoader.Result config = SettingsLoader.load(loader);
        problems.addAll(config.problems());
        Settings settings = config.settings();
        if (settings == null || !problems.isEmpty()) {
            return problems;
        }
        Map<Class<?>, EffectiveMeta> effective = new LinkedHashMap<>();
        for (MetaSite s : sites) {
            EffectiveMeta m = EffectiveMeta.of(s, settings);
            effective.put(s.beanClass(), m);
            if (!settings.clients().containsKey(m.client())) {
                problems.add(CdiMessages.unknownMetaClient(s.beanClass(), m.fullName(), m.client(),
                        clientSource(s, settings), settings.clients().keySet()));
            }
        }
        discovered.clients().stream().filter(ip -> !settings.clients().containsKey(ip.key()))
                .forEach(ip -> problems.add(CdiMessages.unknownEngineClient(ip.where(), ip.key(),
                        settings.clients().keySet())));
        Set<String> fullNames = sites.stream().map(MetaSite::fullName).collect(Collectors.toSet());
        settings.metas().keySet().stream().filter(n -> !fullNames.contains(n)).forEach(n -> problems.add(
                CdiMessages.unknownOverride("redlock.meta.\"" + n + "\"", n, "meta", new TreeSet<>(fullNames))));
        settings.modules().keySet().stream().filter(n -> !byModule.containsKey(n)).forEach(n -> problems.add(
                CdiMessages.unknownOverride("redlock.modules.\"" + n + "\"", n, "module with metas",
                        byModule.keySet())));
        for (LockedMethods.Plan plan : lockedPlans.values()) {
            EffectiveMeta m = effective.get(plan.metaClass());
            if (m != null && !m.inEffect()) {
                problems.add(CdiMessages.lockedMetaNotInEffect(plan.where(), m.fullName(),
                        m.whyNotInEffect(settings.profiles())));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        runtime = RedlockRuntime.start(settings, Map.copyOf(effective), new InstanceNames(lookup),
                () -> isolation(lookup), eventSink(lookup, discovered.asyncObservers()), problems);
        return problems;
    }

    /**
     * The problems of what discovery found, without the configuration and the beans: the processor indexes, the
     * metas and the {@code BeanRedlockBase} injection points. Known at build time.
     *
     * @return the problems; empty if none
     */
    public List<DeploymentException> discoveryProblems() {
        List<DeploymentException> problems = new ArrayList<>(index.problems);
        validateMetas(problems);
        validateInjectionPoints(problems);
        validateLocked(problems);
        return problems;
    }

    /** Checks the {@code @Locked} methods and keeps the plans of the good ones for the interceptor. */
    private void validateLocked(List<DeploymentException> problems) {
        Map<String, MetaSite> metas = new HashMap<>();
        sites.forEach(s -> metas.put(s.beanClass().getName(), s));
        for (LockedMethods.Site site : discovered.locked()) {
            LockedMethods.Plan plan = LockedMethods.check(site, metas, loader, problems);
            if (plan != null) {
                lockedPlans.put(site.signature(), plan);
            }
        }
    }

    /**
     * The checked plan of a {@code @Locked} method, for the interceptor.
     *
     * @param method the intercepted method
     * @return the plan
     * @throws IllegalStateException if the method was not checked at deployment ({@code RL2039})
     */
    LockedMethods.Plan lockedPlan(Method method) {
        LockedMethods.Plan plan = lockedPlans.get(LockedMethods.signature(method));
        if (plan == null) {
            throw CdiMessages.lockedUnchecked(method.getDeclaringClass().getName() + "#" + method.getName());
        }
        return plan;
    }

    /** The classes of the beans {@code found} resolves to, sorted. */
    private static List<String> beanClasses(Instance<?> found) {
        List<String> classes = new ArrayList<>();
        found.handles().forEach(h -> classes.add(h.getBean().getBeanClass().getName()));
        classes.sort(null);
        return classes;
    }

    /**
     * Fires a {@link RedlockEvent} with the qualifiers of its module and meta: to the synchronous observers and, when
     * the build found an asynchronous one, to the asynchronous observers.
     */
    private static Consumer<RedlockEvent> eventSink(Instance<Object> lookup, boolean async) {
        Event<Object> events = lookup.select(BeanContainer.class).get().getEvent();
        return e -> {
            Event<RedlockEvent> selected = events.select(RedlockEvent.class, InModule.Literal.of(e.module()),
                    InMeta.Literal.of(e.meta()));
            selected.fire(e);
            if (async) {
                selected.fireAsync(e);
            }
        };
    }

    /** The {@code DatasourceIsolation} bean (from {@code redlock-datasource}), or {@code null} if none is deployed. */
    private static @Nullable DatasourceIsolation isolation(Instance<Object> lookup) {
        Instance<DatasourceIsolation> found = lookup.select(DatasourceIsolation.class);
        return found.isResolvable() ? found.get() : null;
    }

    private static String clientSource(MetaSite s, Settings settings) {
        Settings.ModuleSettings m = settings.modules().get(s.moduleName());
        return s.client() != null
                ? "@Meta(client = \"" + s.client() + "\")"
                : m != null && m.client() != null ? "redlock.modules.\"" + s.moduleName() + "\".client" : "default";
    }

    private void validateMetas(List<DeploymentException> problems) {
        Map<String, List<String>> badModules = new TreeMap<>();
        Map<String, String> badModuleNames = new HashMap<>();
        Map<String, List<String>> byFullName = new TreeMap<>();
        for (MetaSite s : sites) {
            Class<?> c = s.beanClass();
            if (s.module() == null) {
                problems.add(CdiMessages.metaOutsideModule(c));
            } else if (!MetaNames.isValidModuleName(s.module().name())) {
                badModules.computeIfAbsent(s.module().packageName(), k -> new ArrayList<>()).add(c.getName());
                badModuleNames.put(s.module().packageName(), s.module().name());
            } else {
                byFullName.computeIfAbsent(s.fullName(), k -> new ArrayList<>()).add(c.getName());
            }
            if (!s.isRedlockBase()) {
                problems.add(CdiMessages.notARedlockBase(c));
            }
            String badName = MetaNames.metaNameProblem(s.meta());
            if (badName != null) {
                problems.add(CdiMessages.invalidMetaName(c, s.meta(), badName));
            }
            resourceProblems(c, "lock", s.lockResources(), problems);
            resourceProblems(c, "isolate", s.isolateResources(), problems);
        }
        badModules.forEach((pkg, classes) -> problems.add(
                CdiMessages.invalidModuleName(pkg, badModuleNames.get(pkg), classes)));
        byFullName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                problems.add(CdiMessages.duplicateMeta(name, classes));
            }
        });
        new TreeSet<>(discovered.baseWithoutMeta()).forEach(n -> problems.add(CdiMessages.baseWithoutMeta(n)));
    }

    /**
     * Adds the problems ({@code RL2006}) of one {@code @RedlockResources} list, by the grammar the processor applies
     * at compile time ({@link ResourceDeclaration}), so that both accept and refuse the same declarations for the same
     * reasons. Public for the processor's test that proves it ({@code TemplateTableTest}).
     *
     * @param c         the meta class, for the message
     * @param attribute {@code lock} or {@code isolate}, for the message
     * @param resources the declarations
     * @param problems  where to add the problems
     */
    public static void resourceProblems(Class<?> c, String attribute, List<String> resources,
            List<DeploymentException> problems) {
        for (ResourceDeclaration.Result r : ResourceDeclaration.parseAll(resources)) {
            r.problems().forEach(p -> problems.add(CdiMessages.badResource(c, attribute, r.declaration(), p)));
        }
    }

    private void validateInjectionPoints(List<DeploymentException> problems) {
        for (Site ip : discovered.unqualified()) {
            ModuleResolver.ModuleDecl module = resolver.moduleOf(ip.key(), loader);
            if (module == null) {
                problems.add(CdiMessages.injectionOutsideModule(ip.where()));
            } else {
                moduleProblem(ip.where(), module.name(), false, problems);
            }
        }
        for (Site ip : discovered.qualified()) {
            moduleProblem(ip.where(), ip.key(), true, problems);
        }
    }

    private void moduleProblem(String where, String module, boolean qualifiedByName,
            List<DeploymentException> problems) {
        List<MetaSite> metas = byModule.getOrDefault(module, List.of());
        if (metas.isEmpty()) {
            problems.add(qualifiedByName
                    ? CdiMessages.unknownModule(where, module, byModule.keySet())
                    : CdiMessages.moduleWithoutMeta(where, module));
        } else if (defaultMeta(metas) == null) {
            problems.add(CdiMessages.ambiguousModuleMeta(where, module, names(metas)));
        }
    }

    private static List<String> names(Collection<MetaSite> metas) {
        return metas.stream().map(MetaSite::fullName).sorted().toList();
    }

    /** The injection point as {@code com.acme.Billing#field} or {@code com.acme.Billing#method(Type)}. */
    static String where(InjectionPoint ip) {
        Member m = ip.getMember();
        if (m == null) {
            return String.valueOf(ip);
        }
        String owner = m.getDeclaringClass().getName();
        if (m instanceof Field) {
            return owner + "#" + m.getName();
        }
        Class<?>[] params = m instanceof Method method
                ? method.getParameterTypes()
                : m instanceof Constructor<?> ctor ? ctor.getParameterTypes() : new Class<?>[0];
        String name = m instanceof Constructor<?> ? m.getDeclaringClass().getSimpleName() : m.getName();
        return owner + "#" + name + Arrays.stream(params).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The running runtime.
     *
     * @return the runtime
     * @throws IllegalStateException if it is not running
     */
    public RedlockRuntime runtime() {
        RedlockRuntime r = runtime;
        if (r == null) {
            throw CdiMessages.notRunning();
        }
        return r;
    }

    /** Stops the runtime, releasing held locks. */
    public void close() {
        RedlockRuntime r = runtime;
        if (r != null) {
            r.close();
        }
    }

    /** Looks up the application's {@link InstanceNameResolver} on first use. */
    private static final class InstanceNames implements Supplier<@Nullable String> {

        private final Instance<Object> lookup;
        private volatile @Nullable InstanceNameResolver resolver;
        /** The resolver's bean class and scope, as messages name it. */
        private volatile String described = "";
        private volatile boolean looked;

        InstanceNames(Instance<Object> lookup) {
            this.lookup = lookup;
        }

        @Override
        public @Nullable String get() {
            if (!looked) {
                Instance<InstanceNameResolver> i = lookup.select(InstanceNameResolver.class);
                if (i.isResolvable()) {
                    Instance.Handle<InstanceNameResolver> handle = i.getHandle();
                    Bean<InstanceNameResolver> bean = handle.getBean();
                    described = bean.getBeanClass().getName() + " (@" + bean.getScope().getSimpleName() + ")";
                    resolver = handle.get();
                }
                looked = true;
            }
            InstanceNameResolver r = resolver;
            if (r == null) {
                return null;
            }
            try {
                return r.instanceName();
            } catch (ContextNotActiveException e) {
                // a @RequestScoped resolver (or a request-scoped bean it reads) on a thread outside any request
                throw CdiMessages.resolverContextNotActive(described, e);
            }
        }
    }
}
