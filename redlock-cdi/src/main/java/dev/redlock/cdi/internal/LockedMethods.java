package dev.redlock.cdi.internal;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.IsolateOptions;
import dev.redlock.api.LockOptions;
import dev.redlock.api.RedlockResource;
import dev.redlock.api.ResourceArguments;
import dev.redlock.api.spi.DurationConverter;
import dev.redlock.api.spi.ResourceDeclaration;

/**
 * The {@code @Locked} methods: what the build found ({@link Site}, names and strings only, so that it crosses from
 * build time to run time as a synthetic bean parameter), their checks at deployment, and the checked {@link Plan} the
 * interceptor follows. Every mistake a binding can hold is found here, before the application serves a call; a call
 * can fail only on its arguments' values.
 */
public final class LockedMethods {

    private LockedMethods() {
    }

    /**
     * One {@code @Locked} method as the build saw it.
     *
     * @param declaringClass the binary name of the class declaring the method
     * @param method         the method name
     * @param parameterTypes the binary names of the erased parameter types ({@code []} appended for arrays)
     * @param parameterNames the parameter names the container reports ({@code arg0}... without {@code -parameters})
     * @param lockArgs       per parameter, its {@code @LockArg} value, or empty
     * @param returnType     the binary name of the erased return type, or the primitive's name
     * @param notIntercepted why the container cannot intercept the method ({@code private}...), or empty
     * @param meta           {@code @Locked(meta)}, the binary class name
     * @param lock           {@code @Locked(lock)}
     * @param isolate        {@code @Locked(isolate)}
     * @param waitTime       {@code @Locked(waitTime)}
     * @param leaseTime      {@code @Locked(leaseTime)}
     * @param instance       {@code @Locked(instance)}
     */
    public record Site(String declaringClass, String method, List<String> parameterTypes, List<String> parameterNames,
            List<String> lockArgs, String returnType, String notIntercepted, String meta, String lock,
            boolean isolate, String waitTime, String leaseTime, String instance) {

        /**
         * Copies the lists.
         *
         * @param declaringClass the declaring class
         * @param method         the method name
         * @param parameterTypes the parameter types
         * @param parameterNames the parameter names
         * @param lockArgs       the {@code @LockArg} values
         * @param returnType     the return type
         * @param notIntercepted why it cannot be intercepted, or empty
         * @param meta           the meta class
         * @param lock           the resource
         * @param isolate        whether {@code lockIsolate}
         * @param waitTime       the wait time
         * @param leaseTime      the lease time
         * @param instance       the instance
         */
        public Site {
            parameterTypes = List.copyOf(parameterTypes);
            parameterNames = List.copyOf(parameterNames);
            lockArgs = List.copyOf(lockArgs);
        }

        /**
         * This site as one string, for a synthetic bean parameter: every field length-prefixed, so that no value
         * (the annotation's strings are the user's) can break the encoding.
         *
         * @return the encoded site
         */
        public String encode() {
            List<String> fields = List.of(declaringClass, method, joined(parameterTypes), joined(parameterNames),
                    joined(lockArgs), returnType, notIntercepted, meta, lock, String.valueOf(isolate), waitTime,
                    leaseTime, instance);
            return joined(fields);
        }

        /**
         * The site {@link #encode()} gave.
         *
         * @param encoded the string
         * @return the site
         */
        public static Site decode(String encoded) {
            List<String> f = split(encoded);
            return new Site(f.get(0), f.get(1), split(f.get(2)), split(f.get(3)), split(f.get(4)), f.get(5),
                    f.get(6), f.get(7), f.get(8), Boolean.parseBoolean(f.get(9)), f.get(10), f.get(11), f.get(12));
        }

        /**
         * The method as messages name it: {@code com.acme.Billing#charge(String, long)}.
         *
         * @return the method
         */
        public String where() {
            if (method.isEmpty()) {
                return declaringClass;
            }
            return declaringClass + "#" + method + parameterTypes.stream()
                    .map(t -> t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1))
                    .collect(Collectors.joining(", ", "(", ")"));
        }

        /**
         * The site of a class annotated {@code @Locked}: refused, with no method.
         *
         * @param declaringClass the class
         * @return the site
         */
        public static Site onClass(String declaringClass) {
            return new Site(declaringClass, "", List.of(), List.of(), List.of(), "void", "", "", "", false, "", "",
                    "");
        }

        /** The key the interceptor finds the plan by; {@link #signature(Method)} gives the same for the method. */
        String signature() {
            return declaringClass + "#" + method + "(" + String.join(",", parameterTypes) + ")";
        }
    }

    /** The key of {@code m}'s plan, as {@link Site#signature()}. */
    static String signature(Method m) {
        return m.getDeclaringClass().getName() + "#" + m.getName() + "(" + Arrays.stream(m.getParameterTypes())
                .map(LockedMethods::typeName).collect(Collectors.joining(",")) + ")";
    }

    private static String typeName(Class<?> c) {
        return c.isArray() ? typeName(c.getComponentType()) + "[]" : c.getName();
    }

    private static String joined(List<String> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach(v -> sb.append(v.length()).append(':').append(v));
        return sb.toString();
    }

    private static List<String> split(String encoded) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < encoded.length()) {
            int colon = encoded.indexOf(':', i);
            int length = Integer.parseInt(encoded.substring(i, colon));
            out.add(encoded.substring(colon + 1, colon + 1 + length));
            i = colon + 1 + length;
        }
        return out;
    }

    /**
     * What the interceptor does for one checked method.
     *
     * @param where     the method, for messages
     * @param metaClass the meta class whose binding locks
     * @param resource  the declared resource
     * @param args      per placeholder of {@code resource}, the index of the parameter that fills it
     * @param isolate   {@code lockIsolate} rather than {@code lock}
     * @param options   the options; the lock options alone for {@code lock}
     * @param async     the method returns a stage; the lock is held until it completes
     */
    record Plan(String where, Class<?> metaClass, ResourceDeclaration resource, int[] args, boolean isolate,
            IsolateOptions options, boolean async) {

        /** The resource of one call, its placeholders filled from {@code parameters} and checked. */
        RedlockResource resource(Object[] parameters) {
            if (resource.isPlain()) {
                return new Resource(resource.declaration(), resource.declaration());
            }
            StringBuilder value = new StringBuilder();
            List<String> literals = resource.literals();
            for (int i = 0; i < literals.size(); i++) {
                value.append(literals.get(i));
                if (i < args.length) {
                    Object arg = parameters[args[i]];
                    value.append(ResourceArguments.check(resource.declaration(), resource.placeholders().get(i),
                            arg == null ? null : String.valueOf(arg)));
                }
            }
            return new Resource(value.toString(), resource.declaration());
        }
    }

    /** The resource of one {@code @Locked} call. */
    private record Resource(String resource, String template) implements RedlockResource {
    }

    /**
     * Checks {@code site} against the metas discovered, adding its problems; returns its plan if it has none.
     *
     * @param site      the method
     * @param metas     the discovered metas by class name
     * @param loader    loads the meta and return type classes
     * @param problems  where to add the problems
     * @return the plan, or {@code null} if the site has a problem
     */
    static @Nullable Plan check(Site site, Map<String, MetaSite> metas, ClassLoader loader,
            List<DeploymentException> problems) {
        int before = problems.size();
        String where = site.where();
        if (site.method().isEmpty()) {
            problems.add(CdiMessages.lockedOnClass(where));
            return null;
        }
        if (!site.notIntercepted().isEmpty()) {
            problems.add(CdiMessages.lockedNotInterceptable(where, site.notIntercepted()));
        }
        boolean async = isAsync(site, loader, problems);
        IsolateOptions options = options(site, problems);
        MetaSite meta = metas.get(site.meta());
        if (meta == null) {
            problems.add(CdiMessages.lockedMetaNotAMeta(where, site.meta(), metas.keySet()));
            return null;
        }
        List<String> declared = site.isolate() ? meta.isolateResources() : meta.lockResources();
        List<String> other = site.isolate() ? meta.lockResources() : meta.isolateResources();
        if (!declared.contains(site.lock())) {
            problems.add(other.contains(site.lock())
                    ? CdiMessages.lockedWrongKind(where, meta.fullName(), site.lock(), site.isolate())
                    : CdiMessages.lockedUndeclared(where, meta.fullName(), site.isolate() ? "isolate" : "lock",
                            site.lock(), declared));
            return null;
        }
        ResourceDeclaration resource = ResourceDeclaration.parse(site.lock()).parsed();
        if (resource == null) {
            return null; // malformed: the meta's own check (RL2006) reports it
        }
        int[] args = args(site, resource, problems);
        return problems.size() > before
                ? null
                : new Plan(where, meta.beanClass(), resource, args, site.isolate(), options, async);
    }

    /** Per placeholder, the parameter that fills it: the one annotated {@code @LockArg} with its name, else by name. */
    private static int[] args(Site site, ResourceDeclaration resource, List<DeploymentException> problems) {
        List<String> placeholders = resource.placeholders();
        List<String> seen = new ArrayList<>();
        for (String arg : site.lockArgs()) {
            if (arg.isEmpty()) {
                continue;
            }
            if (!placeholders.contains(arg)) {
                problems.add(CdiMessages.lockedBadLockArg(site.where(), site.lock(), arg, "names no placeholder"));
            } else if (seen.contains(arg)) {
                problems.add(CdiMessages.lockedBadLockArg(site.where(), site.lock(), arg, "is given twice"));
            }
            seen.add(arg);
        }
        int[] args = new int[placeholders.size()];
        for (int i = 0; i < args.length; i++) {
            String p = placeholders.get(i);
            int index = site.lockArgs().indexOf(p);
            if (index < 0) {
                index = byName(site, p);
            }
            if (index < 0) {
                problems.add(CdiMessages.lockedNoParameter(site.where(), site.lock(), p, site.parameterNames()));
            }
            args[i] = index;
        }
        return args;
    }

    /** The parameter named {@code name} that carries no {@code @LockArg} of its own, or -1. */
    private static int byName(Site site, String name) {
        for (int i = 0; i < site.parameterNames().size(); i++) {
            if (site.parameterNames().get(i).equals(name) && site.lockArgs().get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    /** The options, by the syntax of the {@code redlock.*} durations and the ranges of {@link LockOptions}. */
    private static IsolateOptions options(Site site, List<DeploymentException> problems) {
        int before = problems.size();
        Duration wait = duration(site, "waitTime", site.waitTime(), problems);
        Duration lease = duration(site, "leaseTime", site.leaseTime(), problems);
        String instance = site.instance().isEmpty() ? null : site.instance();
        // each attribute alone first, so that a message names the attribute that is out of range
        option(site, "waitTime", site.waitTime(), () -> LockOptions.builder().waitTime(wait).build(), problems);
        option(site, "leaseTime", site.leaseTime(), () -> LockOptions.builder().leaseTime(lease).build(), problems);
        option(site, "instance", site.instance(), () -> LockOptions.builder().instance(instance).build(), problems);
        return problems.size() > before
                ? IsolateOptions.defaults()
                : IsolateOptions.of(LockOptions.builder().waitTime(wait).leaseTime(lease).instance(instance).build());
    }

    private static void option(Site site, String attribute, String value, Supplier<LockOptions> options,
            List<DeploymentException> problems) {
        try {
            options.get();
        } catch (IllegalArgumentException e) {
            problems.add(CdiMessages.lockedBadOption(site.where(), attribute, value, e.getMessage()));
        }
    }

    private static @Nullable Duration duration(Site site, String attribute, String value,
            List<DeploymentException> problems) {
        try {
            return DurationConverter.convert(value);
        } catch (IllegalArgumentException e) {
            problems.add(CdiMessages.lockedBadOption(site.where(), attribute, value, e.getMessage()));
            return null;
        }
    }

    /** Whether the method returns a stage: {@code CompletionStage} or {@code CompletableFuture}; others refused. */
    private static boolean isAsync(Site site, ClassLoader loader, List<DeploymentException> problems) {
        String type = site.returnType();
        if (type.equals(CompletionStage.class.getName()) || type.equals(CompletableFuture.class.getName())) {
            return true;
        }
        if (type.indexOf('.') < 0 || type.endsWith("[]")) {
            return false; // a primitive, void, an array or a class in the unnamed package: not a stage
        }
        try {
            if (CompletionStage.class.isAssignableFrom(Class.forName(type, false, loader))) {
                problems.add(CdiMessages.lockedBadAsyncType(site.where(), type));
            }
        } catch (ClassNotFoundException | LinkageError e) {
            // the method's class loads it; unknown here means it is not a stage this library made
        }
        return false;
    }
}
