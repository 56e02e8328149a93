package dev.redlock.cdi.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessBeanAttributes;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Singleton;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResource;
import dev.redlock.api.spi.DatasourceIsolation;
import dev.redlock.api.spi.MetaNames;
import dev.redlock.api.spi.RedlockBinder;
import dev.redlock.api.spi.ResourceDeclaration;
import dev.redlock.cdi.InModule;
import dev.redlock.cdi.InstanceNameResolver;

/**
 * One deployment of the extension: what discovery found, the validation, and the runtime started from it. The
 * extension delegates every container event here, so the public extension class stays small.
 */
public final class Deployment {

    /** The type of the synthetic beans behind {@code BeanRedlockBase<?, ?>} injection points. */
    static final Type ANY_META_TYPE = new TypeLiteral<BeanRedlockBase<RedlockResource, RedlockResource>>() {
        private static final long serialVersionUID = 1L;
    }.getType();
    /** The meta name preferred when a module has several metas. */
    static final String DEFAULT_META = "redlock";

    private final ClassLoader loader;
    private final RedlockIndex index;
    private final ModuleResolver resolver;
    private final Queue<Class<?>> baseWithoutMeta = new ConcurrentLinkedQueue<>();
    private final Queue<InjectionPoint> unqualified = new ConcurrentLinkedQueue<>();
    private final Map<String, Queue<InjectionPoint>> qualified = new ConcurrentHashMap<>();
    private List<MetaSite> sites = List.of();
    private Map<String, List<MetaSite>> byModule = Map.of();
    private volatile @Nullable RedlockRuntime runtime;

    private Deployment(ClassLoader loader, RedlockIndex index, ModuleResolver resolver) {
        this.loader = loader;
        this.index = index;
        this.resolver = resolver;
    }

    /**
     * Starts a deployment: reads the processor indexes visible to {@code loader}.
     *
     * @param loader the application class loader
     * @return the deployment
     */
    public static Deployment begin(ClassLoader loader) {
        RedlockIndex index = RedlockIndex.load(loader);
        return new Deployment(loader, index, new ModuleResolver(index.modules));
    }

    /**
     * Keeps {@code BeanRedlockBase<..>} out of every bean's types, so that a {@code BeanRedlockBase<?, ?>} injection
     * point resolves only to the synthetic beans (by module), never ambiguously to all metas. Meta beans stay
     * injectable by their own class.
     *
     * @param pba the event
     */
    public void restrictTypes(ProcessBeanAttributes<?> pba) {
        Set<Type> types = pba.getBeanAttributes().getTypes();
        if (types.stream().noneMatch(t -> rawType(t) == BeanRedlockBase.class)) {
            return;
        }
        if (pba.getAnnotated() instanceof AnnotatedType<?> at && !at.getJavaClass().isAnnotationPresent(Meta.class)) {
            baseWithoutMeta.add(at.getJavaClass());
        }
        Set<Type> kept = types.stream().filter(t -> rawType(t) != BeanRedlockBase.class)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        pba.configureBeanAttributes().types(kept);
    }

    /**
     * Records injection points of {@code BeanRedlockBase}, to validate their modules after discovery.
     *
     * @param ip the injection point
     */
    public void injectionPoint(InjectionPoint ip) {
        if (rawType(ip.getType()) != BeanRedlockBase.class) {
            return;
        }
        InModule in = (InModule) ip.getQualifiers().stream().filter(InModule.class::isInstance).findFirst()
                .orElse(null);
        if (in != null) {
            qualified.computeIfAbsent(in.value(), k -> new ConcurrentLinkedQueue<>()).add(ip);
        } else if (ip.getQualifiers().stream().allMatch(q -> q instanceof Default || q instanceof Any)) {
            unqualified.add(ip);
        }
    }

    /**
     * Resolves the modules of the metas and registers the synthetic beans: the binder, the module-resolved
     * {@code BeanRedlockBase<?, ?>} and one {@code @InModule} bean per module.
     *
     * @param metaClasses the {@code @Meta} classes found
     * @param abd         the event
     */
    public void addBeans(List<Class<?>> metaClasses, AfterBeanDiscovery abd) {
        List<MetaSite> found = new ArrayList<>();
        for (Class<?> c : metaClasses) {
            found.add(MetaSite.of(c, index, resolver));
        }
        found.sort((a, b) -> a.beanClass().getName().compareTo(b.beanClass().getName()));
        sites = List.copyOf(found);
        Map<String, List<MetaSite>> modules = new TreeMap<>();
        for (MetaSite s : sites) {
            if (s.moduleName() != null) {
                modules.computeIfAbsent(s.moduleName(), k -> new ArrayList<>()).add(s);
            }
        }
        byModule = modules;

        abd.addBean()
                .beanClass(Deployment.class)
                .types(RedlockBinder.class, Object.class)
                .scope(Singleton.class)
                .createWith(cc -> runtime());
        abd.addBean()
                .beanClass(Deployment.class)
                .types(ANY_META_TYPE, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Dependent.class)
                .produceWith(this::forInjectionPoint);
        Set<String> names = new TreeSet<>(byModule.keySet());
        names.addAll(qualified.keySet());
        for (String module : names) {
            abd.addBean()
                    .beanClass(Deployment.class)
                    .types(ANY_META_TYPE, Object.class)
                    .qualifiers(InModule.Literal.of(module), Any.Literal.INSTANCE)
                    .scope(Dependent.class)
                    .produceWith(instance -> reference(instance, module, () -> "@InModule(\"" + module + "\")"));
        }
    }

    private Object forInjectionPoint(Instance<Object> instance) {
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
     * @param beanManager the bean manager
     * @return every problem found; empty if the runtime started
     */
    public List<DeploymentException> validateAndStart(BeanManager beanManager) {
        List<DeploymentException> problems = new ArrayList<>(index.problems);
        validateMetas(problems);
        validateInjectionPoints(problems);
        Set<Bean<?>> resolvers = beanManager.getBeans(InstanceNameResolver.class);
        if (resolvers.size() > 1) {
            problems.add(CdiMessages.ambiguousInstanceResolver(resolvers.stream()
                    .map(b -> b.getBeanClass().getName()).sorted().toList()));
        }
        Set<Bean<?>> isolations = beanManager.getBeans(DatasourceIsolation.class);
        if (isolations.size() > 1) { // lockIsolate would not know which levels to use
            problems.add(CdiMessages.ambiguousIsolation(isolations.stream()
                    .map(b -> b.getBeanClass().getName()).sorted().toList()));
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
        Set<String> fullNames = sites.stream().map(MetaSite::fullName).collect(Collectors.toSet());
        settings.metas().keySet().stream().filter(n -> !fullNames.contains(n)).forEach(n -> problems.add(
                CdiMessages.unknownOverride("redlock.meta.\"" + n + "\"", n, "meta", new TreeSet<>(fullNames))));
        settings.modules().keySet().stream().filter(n -> !byModule.containsKey(n)).forEach(n -> problems.add(
                CdiMessages.unknownOverride("redlock.modules.\"" + n + "\"", n, "module with metas",
                        byModule.keySet())));
        if (!problems.isEmpty()) {
            return problems;
        }
        runtime = RedlockRuntime.start(settings, Map.copyOf(effective), new InstanceNames(beanManager),
                () -> isolation(beanManager), problems);
        return problems;
    }

    /** The {@code DatasourceIsolation} bean (from {@code redlock-datasource}), or {@code null} if none is deployed. */
    private static @Nullable DatasourceIsolation isolation(BeanManager beanManager) {
        Instance<DatasourceIsolation> found = beanManager.createInstance().select(DatasourceIsolation.class);
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
        new TreeSet<>(baseWithoutMeta.stream().map(Class::getName).toList()).forEach(n -> problems.add(
                CdiMessages.baseWithoutMeta(baseWithoutMeta.stream().filter(c -> c.getName().equals(n)).findFirst()
                        .orElseThrow())));
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
        for (InjectionPoint ip : unqualified) {
            ModuleResolver.ModuleDecl module = resolver.moduleOf(ip.getMember().getDeclaringClass());
            if (module == null) {
                problems.add(CdiMessages.injectionOutsideModule(where(ip)));
            } else {
                moduleProblem(where(ip), module.name(), false, problems);
            }
        }
        qualified.forEach((module, ips) -> ips.forEach(ip -> moduleProblem(where(ip), module, true, problems)));
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

    private static @Nullable Class<?> rawType(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
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

        private final BeanManager beanManager;
        private volatile @Nullable InstanceNameResolver resolver;
        private volatile boolean looked;

        InstanceNames(BeanManager beanManager) {
            this.beanManager = beanManager;
        }

        @Override
        public @Nullable String get() {
            if (!looked) {
                Instance<InstanceNameResolver> i = beanManager.createInstance().select(InstanceNameResolver.class);
                resolver = i.isResolvable() ? i.get() : null;
                looked = true;
            }
            InstanceNameResolver r = resolver;
            return r == null ? null : r.instanceName();
        }
    }
}
