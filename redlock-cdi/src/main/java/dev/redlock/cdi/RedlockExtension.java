package dev.redlock.cdi;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.build.compatible.spi.AnnotationBuilder;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Enhancement;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.MetaAnnotations;
import jakarta.enterprise.inject.build.compatible.spi.ObserverInfo;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.Types;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.inject.Singleton;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.Meta;
import dev.redlock.api.RedlockResource;
import dev.redlock.api.spi.RedlockBinder;
import dev.redlock.cdi.internal.Deployment;
import dev.redlock.cdi.internal.LockedInterceptor;
import dev.redlock.cdi.internal.LockedMethods;
import dev.redlock.cdi.internal.SyntheticBeans;
import dev.redlock.core.Redlock;

/**
 * The build-compatible extension (CDI Lite) of Redlock for CDI, registered through {@code META-INF/services}: it
 * runs on Quarkus ArC at build time and on Weld (through Weld's translator of build-compatible extensions).
 *
 * <p>At build time it collects every {@link Meta @Meta} class and every {@code BeanRedlockBase<?, ?>} injection
 * point, keeps {@code BeanRedlockBase} out of the bean types of the meta classes (so that such an injection point
 * resolves to the module's meta, never ambiguously to all of them) and registers {@link Onion}, the runtime
 * {@link RedlockBinder} and the beans behind {@code BeanRedlockBase<?, ?>} (unqualified: the declaring class's
 * module; {@link InModule @InModule}: the named module). When the application starts, it reads
 * {@link RedlockConfig}, reports every problem at once as one {@code DeploymentException} (codes {@code RL2xxx},
 * each naming the class or the property and the fix) and starts one lock engine per configured client; at shutdown
 * it closes the engines, releasing the locks they still hold.
 *
 * <p>One instance per container build; its methods are called by the container, one phase after the other.
 *
 * @since 0.1
 */
public class RedlockExtension implements BuildCompatibleExtension {

    private static final String BASE = BeanRedlockBase.class.getName();
    private static final String ENGINE = Redlock.class.getName();

    private final Queue<String> metaClasses = new ConcurrentLinkedQueue<>();
    private final Queue<String> baseWithoutMeta = new ConcurrentLinkedQueue<>();
    private final Queue<Deployment.Site> unqualified = new ConcurrentLinkedQueue<>();
    private final Queue<Deployment.Site> qualified = new ConcurrentLinkedQueue<>();
    private final Queue<Deployment.Site> clients = new ConcurrentLinkedQueue<>();
    private volatile boolean asyncObservers;
    /** The {@code @Locked} methods by signature: a method inherited by several beans is found once per bean. */
    private final Map<String, LockedMethods.Site> locked = new ConcurrentHashMap<>();

    /** Created by the container through {@code META-INF/services}, or by {@code Weld.addBuildCompatibleExtensions}. */
    public RedlockExtension() {
    }

    /**
     * Adds {@link Onion}, which also starts the engines, and declares {@link Meta @Meta} an application-scoped
     * stereotype and {@link InModule @InModule} a qualifier, as their own annotations do: a container that indexes
     * only the application (Quarkus) does not read them from the library's jars.
     *
     * @param scan        the classes to discover
     * @param annotations the meta-annotations
     */
    @Discovery
    public void discover(ScannedClasses scan, MetaAnnotations annotations) {
        scan.add(Onion.class.getName());
        scan.add(LockedInterceptor.class.getName());
        ClassConfig stereotype = annotations.addStereotype(Meta.class);
        if (!stereotype.info().hasAnnotation(ApplicationScoped.class)) {
            stereotype.addAnnotation(ApplicationScoped.class);
        }
        annotations.addQualifier(InModule.class);
        annotations.addQualifier(InMeta.class);
        annotations.addQualifier(RedlockClient.class);
        annotations.addInterceptorBinding(Locked.class);
    }

    /**
     * Collects the concrete {@code @Meta} classes.
     *
     * @param type a class annotated {@code @Meta}
     */
    @Enhancement(types = Object.class, withSubtypes = true, withAnnotations = Meta.class)
    public void collectMeta(ClassConfig type) {
        ClassInfo c = type.info();
        if (c.hasAnnotation(Meta.class) && !c.isInterface() && !c.isAbstract()) {
            metaClasses.add(c.name());
        }
    }

    /**
     * Keeps {@code BeanRedlockBase<..>} out of the bean types of its subclasses ({@code @Typed} with every other
     * type), so a {@code BeanRedlockBase<?, ?>} injection point resolves only to the module-resolved beans; meta
     * beans stay injectable by their own class. A concrete subclass without {@code @Meta} is a problem.
     *
     * @param type a subclass of {@code BeanRedlockBase}
     */
    @Enhancement(types = BeanRedlockBase.class, withSubtypes = true)
    public void restrictTypes(ClassConfig type) {
        ClassInfo c = type.info();
        if (c.name().equals(BASE) || c.isInterface() || c.isAbstract()) {
            return;
        }
        if (c.hasAnnotation(Meta.class)) {
            metaClasses.add(c.name()); // also here: an index may not know that a subclass of it extends Object
        } else {
            baseWithoutMeta.add(c.name());
        }
        Set<ClassInfo> kept = new LinkedHashSet<>();
        keptTypes(c, kept);
        type.removeAnnotation(a -> a.name().equals(Typed.class.getName()));
        type.addAnnotation(AnnotationBuilder.of(Typed.class).value(kept.toArray(ClassInfo[]::new)).build());
    }

    private static void keptTypes(@Nullable ClassInfo c, Set<ClassInfo> kept) {
        if (c == null || c.name().equals(Object.class.getName())) {
            return;
        }
        if (!c.name().equals(BASE) && kept.stream().noneMatch(k -> k.name().equals(c.name()))) {
            kept.add(c);
        }
        keptTypes(c.superClassDeclaration(), kept);
        c.superInterfacesDeclarations().forEach(i -> keptTypes(i, kept));
    }

    /**
     * Records the {@code BeanRedlockBase} injection points, to validate their modules when the application starts,
     * and the {@link RedlockClient @RedlockClient} engine injection points, to register a bean per client name and
     * check the names against the configuration then.
     *
     * @param bean any bean
     */
    @Registration(types = Object.class)
    public void injectionPoints(BeanInfo bean) {
        for (InjectionPointInfo ip : bean.injectionPoints()) {
            if (rawName(ip.type()).equals(ENGINE)) {
                ip.qualifiers().stream().filter(q -> q.name().equals(RedlockClient.class.getName())).findFirst()
                        .ifPresent(q -> clients.add(new Deployment.Site(q.value().asString(),
                                where(ip.declaration(), declaringClass(ip.declaration())))));
                continue;
            }
            if (!rawName(ip.type()).equals(BASE)) {
                continue;
            }
            AnnotationInfo in = ip.qualifiers().stream().filter(q -> q.name().equals(InModule.class.getName()))
                    .findFirst().orElse(null);
            ClassInfo owner = declaringClass(ip.declaration());
            String where = where(ip.declaration(), owner);
            if (in != null) {
                qualified.add(new Deployment.Site(in.value().asString(), where));
            } else if (ip.qualifiers().stream().allMatch(q -> q.name().equals(Default.class.getName())
                    || q.name().equals(Any.class.getName()))) {
                unqualified.add(new Deployment.Site(owner.name(), where));
            }
        }
    }

    /**
     * Notes whether an observer of {@link RedlockEvent} is asynchronous: the events are fired asynchronously only
     * then, so an application without one pays nothing for it.
     *
     * @param observer an observer of {@code RedlockEvent}
     */
    @Registration(types = RedlockEvent.class)
    public void eventObservers(ObserverInfo observer) {
        if (observer.isAsync()) {
            asyncObservers = true;
        }
    }

    /**
     * Records the {@link Locked @Locked} methods of a class bean, its superclasses' included, with what the checks at
     * start-up need: the parameter names the container sees, their {@link LockArg @LockArg}s, the return type and
     * whether the method can be intercepted at all.
     *
     * @param bean any bean
     */
    @Registration(types = Object.class)
    public void lockedMethods(BeanInfo bean) {
        if (!bean.isClassBean() || bean.isInterceptor()) {
            return;
        }
        for (ClassInfo c = bean.declaringClass(); c != null
                && !c.name().equals(Object.class.getName()); c = c.superClassDeclaration()) {
            if (c.hasAnnotation(Locked.class)) {
                LockedMethods.Site site = LockedMethods.Site.onClass(c.name());
                locked.putIfAbsent(site.encode(), site);
            }
            for (MethodInfo m : c.methods()) {
                AnnotationInfo a = m.annotation(Locked.class);
                if (a != null) {
                    LockedMethods.Site site = lockedSite(c, m, a);
                    locked.putIfAbsent(site.encode(), site);
                }
            }
        }
    }

    private static LockedMethods.Site lockedSite(ClassInfo c, MethodInfo m, AnnotationInfo a) {
        List<String> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> lockArgs = new ArrayList<>();
        for (ParameterInfo p : m.parameters()) {
            types.add(erasure(p.type()));
            names.add(p.name());
            AnnotationInfo arg = p.annotation(LockArg.class);
            lockArgs.add(arg == null ? "" : arg.value().asString());
        }
        int mod = m.modifiers();
        String notIntercepted = Modifier.isPrivate(mod)
                ? "private"
                : Modifier.isStatic(mod)
                        ? "static"
                        : Modifier.isFinal(mod) ? "final" : "";
        return new LockedMethods.Site(c.name(), m.name(), types, names, lockArgs, erasure(m.returnType()),
                notIntercepted, a.member("meta").asType().asClass().declaration().name(),
                a.member("lock").asString(), a.hasMember("isolate") && a.member("isolate").asBoolean(),
                string(a, "waitTime"), string(a, "leaseTime"), string(a, "instance"));
    }

    private static String string(AnnotationInfo a, String member) {
        return a.hasMember(member) ? a.member(member).asString() : "";
    }

    /** The erased type as the interceptor's {@code Method} names it: binary name, {@code []} for arrays. */
    private static String erasure(Type t) {
        if (t.isVoid()) {
            return "void";
        }
        if (t.isPrimitive()) {
            return t.asPrimitive().name();
        }
        if (t.isArray()) {
            return erasure(t.asArray().componentType()) + "[]";
        }
        if (t.isTypeVariable()) {
            List<Type> bounds = t.asTypeVariable().bounds();
            return bounds.isEmpty() ? Object.class.getName() : erasure(bounds.get(0));
        }
        return rawName(t);
    }

    /**
     * Registers the synthetic beans: the {@code Deployment} (validated and started with the application), the
     * binder, the module-resolved {@code BeanRedlockBase<?, ?>} and one {@code @InModule} bean per module.
     *
     * @param components where to register
     * @param types      the type factory
     */
    @Synthesis
    public void synthesize(SyntheticComponents components, Types types) {
        Deployment.Discovered found = discovered();
        components.addBean(Deployment.class)
                .type(Deployment.class)
                .scope(Singleton.class)
                .withParam(SyntheticBeans.METAS, SyntheticBeans.param(found.metaClasses()))
                .withParam(SyntheticBeans.BASES, SyntheticBeans.param(found.baseWithoutMeta()))
                .withParam(SyntheticBeans.UNQUALIFIED, encoded(found.unqualified()))
                .withParam(SyntheticBeans.QUALIFIED, encoded(found.qualified()))
                .withParam(SyntheticBeans.ASYNC_OBSERVERS, found.asyncObservers())
                .withParam(SyntheticBeans.CLIENTS, encoded(found.clients()))
                .withParam(SyntheticBeans.LOCKED, SyntheticBeans.param(found.locked().stream()
                        .map(LockedMethods.Site::encode).toList()))
                .createWith(SyntheticBeans.DeploymentCreator.class)
                .disposeWith(SyntheticBeans.DeploymentDisposer.class);
        components.addBean(RedlockBinder.class)
                .type(RedlockBinder.class)
                .scope(Singleton.class)
                .createWith(SyntheticBeans.BinderCreator.class);
        components.addBean(Redlock.class)
                .type(Redlock.class)
                .qualifier(Default.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(SyntheticBeans.DefaultEngine.class);
        found.clients().stream().map(Deployment.Site::key).distinct().sorted().forEach(client -> components
                .addBean(Redlock.class)
                .type(Redlock.class)
                .qualifier(RedlockClient.Literal.of(client))
                .scope(Dependent.class)
                .withParam(SyntheticBeans.CLIENT, client)
                .createWith(SyntheticBeans.ByClient.class));
        Type anyMeta = types.parameterized(BeanRedlockBase.class, RedlockResource.class, RedlockResource.class);
        components.addBean(Object.class)
                .type(anyMeta)
                .qualifier(Default.Literal.INSTANCE)
                .scope(Dependent.class)
                .createWith(SyntheticBeans.ByInjectionPoint.class);
        for (String module : Deployment.moduleNames(SyntheticBeans.classLoader(), found)) {
            components.addBean(Object.class)
                    .type(anyMeta)
                    .qualifier(InModule.Literal.of(module))
                    .scope(Dependent.class)
                    .withParam(SyntheticBeans.MODULE, module)
                    .createWith(SyntheticBeans.ByModule.class);
        }
    }

    /**
     * Reports the problems of what the build found (metas, modules, injection points), all of them, so that the
     * build (Quarkus) or the deployment (Weld) fails with their RL codes. The configuration is checked when the
     * application starts. Where the build cannot load the application's classes, the start checks these too.
     *
     * @param messages where to report
     */
    @Validation
    public void validate(Messages messages) {
        List<DeploymentException> problems;
        try {
            problems = Deployment.of(SyntheticBeans.classLoader(), discovered()).discoveryProblems();
        } catch (RuntimeException | LinkageError e) {
            return; // checked again when the application starts, with its own class loader
        }
        problems.forEach(p -> messages.error(p.getMessage()));
    }

    private Deployment.Discovered discovered() {
        return new Deployment.Discovered(sorted(metaClasses), sorted(baseWithoutMeta), new ArrayList<>(unqualified),
                new ArrayList<>(qualified), new ArrayList<>(clients), asyncObservers,
                new TreeMap<>(locked).values().stream().toList());
    }

    private static String[] encoded(List<Deployment.Site> sites) {
        return SyntheticBeans.param(sites.stream().map(Deployment.Site::encode).toList());
    }

    private static List<String> sorted(Queue<String> names) {
        return names.stream().distinct().sorted().toList();
    }

    private static String rawName(Type t) {
        if (t.isParameterizedType()) {
            return t.asParameterizedType().declaration().name();
        }
        return t.isClass() ? t.asClass().declaration().name() : "";
    }

    private static ClassInfo declaringClass(DeclarationInfo d) {
        return d.isField() ? d.asField().declaringClass() : d.asParameter().declaringMethod().declaringClass();
    }

    /** The injection point as {@code com.acme.Billing#field} or {@code com.acme.Billing#method(Type)}. */
    private static String where(DeclarationInfo d, ClassInfo owner) {
        if (d.isField()) {
            return owner.name() + "#" + d.asField().name();
        }
        MethodInfo m = d.asParameter().declaringMethod();
        return owner.name() + "#" + (m.isConstructor() ? owner.simpleName() : m.name()) + m.parameters().stream()
                .map(ParameterInfo::type).map(RedlockExtension::simpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static String simpleName(Type t) {
        if (t.isParameterizedType()) {
            return t.asParameterizedType().declaration().simpleName();
        }
        if (t.isClass()) {
            return t.asClass().declaration().simpleName();
        }
        if (t.isArray()) {
            return simpleName(t.asArray().componentType()) + "[]";
        }
        return t.toString();
    }
}
