package dev.redlock.cdi.internal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.Module;
import dev.redlock.api.spi.ResourceDeclaration;

/**
 * Every message of the CDI layer, with its code, in one place. Tests assert on the codes, so the wording may
 * change. Format: {@code RLnnnn: <where>: <what>[, was X][; fix]}.
 */
public final class CdiMessages {

    private CdiMessages() {
    }

    // ---- deployment problems: discovery and validation (RL2001-RL2019)

    static DeploymentException metaOutsideModule(Class<?> beanClass) {
        return problem("RL2001: " + beanClass.getName() + ": @Meta class outside any module; annotate its package "
                + beanClass.getPackageName() + " (or an enclosing one) in package-info.java with @Module(\"name\")");
    }

    static DeploymentException duplicateMeta(String fullName, List<String> classes) {
        return problem("RL2002: " + String.join(", ", classes) + ": two metas are named " + fullName
                + "; rename one with @Meta(name = \"...\") or move it to another module");
    }

    static DeploymentException notARedlockBase(Class<?> beanClass) {
        return problem("RL2003: " + beanClass.getName() + ": @Meta class does not extend BeanRedlockBase; declare it as"
                + " 'class " + beanClass.getSimpleName() + " extends BeanRedlockBase<" + beanClass.getSimpleName()
                + "_.Lock, " + beanClass.getSimpleName() + "_.Isolate>'");
    }

    static DeploymentException invalidModuleName(String packageName, String name, Collection<String> classes) {
        return problem("RL2004: " + packageName + " (package-info.java, module of " + String.join(", ", classes)
                + "): invalid module name, was '" + name + "'; use kebab-case matching " + Module.NAME_PATTERN
                + ", such as 'demo-student'");
    }

    static DeploymentException invalidMetaName(Class<?> beanClass, String name, String why) {
        return problem("RL2005: " + beanClass.getName() + ": invalid meta name, was '" + name + "': " + why
                + "; use lower camel case letters and digits, such as 'redlock' or 'orderLock'");
    }

    static DeploymentException badResource(Class<?> beanClass, String attribute, String resource,
            ResourceDeclaration.Problem why) {
        return problem("RL2006: " + beanClass.getName() + ": @RedlockResources(" + attribute + "): malformed resource '"
                + resource + "': " + why.reason() + "; " + why.kind().fix());
    }

    static DeploymentException baseWithoutMeta(String beanClass) {
        return problem("RL2007: " + beanClass + ": bean extends BeanRedlockBase but is not annotated @Meta;"
                + " annotate it with @Meta (and @RedlockResources)");
    }

    static DeploymentException unknownMetaClient(Class<?> beanClass, String fullName, String client, String source,
            Collection<String> known) {
        return problem("RL2008: " + beanClass.getName() + " (" + fullName + "): unknown client '" + client + "' from "
                + source + "; configure redlock.clients." + client + ".* or use one of " + new java.util.TreeSet<>(known));
    }

    static DeploymentException injectionOutsideModule(String injectionPoint) {
        return problem(injectionOutsideModuleText(injectionPoint));
    }

    /** {@link #injectionOutsideModule} found when a dynamic lookup resolves, after validation. */
    static IllegalStateException injectionOutsideModuleAtLookup(String injectionPoint) {
        return new IllegalStateException(injectionOutsideModuleText(injectionPoint));
    }

    private static String injectionOutsideModuleText(String injectionPoint) {
        return "RL2010: " + injectionPoint + ": unqualified BeanRedlockBase<?, ?> injected into a class outside any"
                + " module; annotate its package with @Module, add @InModule(\"module\"), or inject the meta class"
                + " itself";
    }

    static DeploymentException moduleWithoutMeta(String injectionPoint, String module) {
        return problem(moduleWithoutMetaText(injectionPoint, module));
    }

    /** {@link #moduleWithoutMeta} found when a dynamic lookup resolves, after validation. */
    static IllegalStateException moduleWithoutMetaAtLookup(String injectionPoint, String module) {
        return new IllegalStateException(moduleWithoutMetaText(injectionPoint, module));
    }

    private static String moduleWithoutMetaText(String injectionPoint, String module) {
        return "RL2011: " + injectionPoint + ": module '" + module + "' has no @Meta bean; add one (such as"
                + " MetaRedlock) to the module or inject another module's with @InModule";
    }

    static DeploymentException ambiguousModuleMeta(String injectionPoint, String module, List<String> metas) {
        return problem(ambiguousModuleMetaText(injectionPoint, module, metas));
    }

    /** {@link #ambiguousModuleMeta} found when a dynamic lookup resolves, after validation. */
    static IllegalStateException ambiguousModuleMetaAtLookup(String injectionPoint, String module,
            List<String> metas) {
        return new IllegalStateException(ambiguousModuleMetaText(injectionPoint, module, metas));
    }

    private static String ambiguousModuleMetaText(String injectionPoint, String module, List<String> metas) {
        return "RL2012: " + injectionPoint + ": module '" + module + "' has several metas " + metas
                + " and none named 'redlock'; inject the meta class itself";
    }

    static DeploymentException unknownModule(String injectionPoint, String module, Collection<String> known) {
        return problem("RL2013: " + injectionPoint + ": @InModule(\"" + module + "\") names no module with a meta;"
                + " modules with metas are " + new java.util.TreeSet<>(known));
    }

    static DeploymentException ambiguousInstanceResolver(List<String> beans) {
        return problem("RL2014: InstanceNameResolver: " + beans.size() + " beans found " + beans
                + "; provide at most one");
    }

    static DeploymentException ambiguousIsolation(List<String> beans) {
        return problem("RL2016: DatasourceIsolation: " + beans.size() + " beans found " + beans
                + "; deploy one datasource integration (redlock-datasource provides it)");
    }

    static DeploymentException badIndex(String where, String what) {
        return problem("RL2015: " + where + ": " + what);
    }

    // ---- deployment problems: configuration and start-up (RL2100-RL2119)

    static DeploymentException configProblem(String smallryeMessage) {
        return problem("RL2100: redlock configuration: " + smallryeMessage);
    }

    static DeploymentException noNodes() {
        return problem("RL2101: redlock.nodes: no Redis nodes configured; set redlock.nodes to one URI per"
                + " independent master, such as redlock.nodes=redis://127.0.0.1:6379");
    }

    static DeploymentException badValue(String property, Object value, String expected) {
        return problem("RL2102: " + property + ": invalid value, was '" + shown(String.valueOf(value)) + "'; " + expected);
    }

    static DeploymentException badInheritFrom(String property, String value, String what) {
        return problem("RL2103: " + property + ": " + what + ", was '" + shown(value) + "'; name a client configured under"
                + " redlock.clients.* or 'default'");
    }

    static DeploymentException unknownOverride(String property, String name, String kind, Collection<String> known) {
        return problem(
                "RL2104: " + property + ": no " + kind + " named '" + shown(name) + "'; known are "
                        + new java.util.TreeSet<>(known));
    }

    static DeploymentException engineFailed(String client, Throwable cause) {
        DeploymentException e = problem("RL2105: client '" + client + "': the lock engine could not start: " + cause);
        e.initCause(cause);
        return e;
    }

    static DeploymentException renamedProperty(String property, String source, String newName) {
        return problem("RL2106: " + property + " (in " + source + "): renamed to " + newName
                + "; rename the property, its value stays the same");
    }

    static DeploymentException unknownEngineClient(String injectionPoint, String client, Set<String> configured) {
        return problem("RL2009: " + injectionPoint + ": @RedlockClient(\"" + shown(client) + "\") names no configured"
                + " client; configured clients are " + new TreeSet<>(configured) + "; configure it"
                + " (redlock.clients." + shown(client) + ".nodes) or name one of those");
    }

    // ---- runtime errors (RL2020-RL2039)

    static IllegalStateException notInEffect(String fullName, String why) {
        return new IllegalStateException("RL2020: " + fullName + ": meta is not in effect (" + why
                + "); enable it with @Meta(enable = true, mode = ...) or redlock.meta.\"" + fullName + "\".enable");
    }

    static IllegalStateException nestedLock(String fullName, String key) {
        return new IllegalStateException("RL2021: " + fullName + ": lock '" + key + "' is already held by this"
                + " thread; nested locks of the same resource are not reentrant; run the inner code under the outer"
                + " lock without locking again");
    }

    static IllegalArgumentException unknownClient(String fullName, String client, Collection<String> known) {
        return new IllegalArgumentException("RL2022: " + fullName + ": unknown client '" + shown(client) + "'; configured"
                + " clients are " + new java.util.TreeSet<>(known));
    }

    static IllegalArgumentException undeclaredResource(String fullName, String method, String template,
            List<String> declared) {
        return new IllegalArgumentException("RL2023: " + fullName + "#" + method + ": resource '" + template
                + "' is not declared, was expecting one of " + declared + "; declare it in @RedlockResources");
    }

    static IllegalArgumentException notAMeta(Class<?> beanClass) {
        return new IllegalArgumentException("RL2024: " + beanClass.getName() + ": not a discovered @Meta bean;"
                + " annotate it with @Meta and let the container create it");
    }

    static IllegalStateException notRunning() {
        return new IllegalStateException("RL2025: the redlock runtime is not running (container not started or"
                + " already shut down)");
    }

    /** A class the build found cannot be loaded at run time: a class path that differs from the build's. */
    static IllegalStateException missingAtRunTime(String className, Exception cause) {
        return new IllegalStateException("RL2028: " + className + ": class found when the application was built is"
                + " missing at run time; rebuild the application", cause);
    }

    static IllegalStateException noInjectionPoint() {
        return new IllegalStateException("RL2026: BeanRedlockBase<?, ?>: no injection point to resolve the module"
                + " from; inject it into a bean field or parameter, or use @InModule(\"module\")");
    }

    static IllegalArgumentException badResourceValue(String fullName, String resource, String why) {
        return new IllegalArgumentException("RL2027: " + fullName + ": resource " + why + ", was '" + shown(resource)
                + "'");
    }

    /** The application's resolver, or a bean it reads, has a scope whose context is not active on this thread. */
    static IllegalStateException resolverContextNotActive(String resolver, RuntimeException cause) {
        return new IllegalStateException("RL2029: InstanceNameResolver " + resolver + ": a context it needs is not"
                + " active on thread '" + shown(Thread.currentThread().getName()) + "', which locks (" + cause
                + "); locks also run outside requests (executors, schedulers, start-up): make the resolver"
                + " @ApplicationScoped and read the instance from state every locking thread has, or check that the"
                + " request context is active and return null otherwise", cause);
    }

    // ---- @Locked methods: deployment problems (RL2040-RL2049), each naming the method

    static DeploymentException lockedMetaNotAMeta(String method, String meta, Collection<String> known) {
        return problem("RL2040: " + method + ": @Locked(meta = " + meta + ".class) is not a @Meta bean of this"
                + " deployment; name one of " + new java.util.TreeSet<>(known));
    }

    static DeploymentException lockedMetaNotInEffect(String method, String fullName, String why) {
        return problem("RL2041: " + method + ": @Locked meta " + fullName + " is not in effect (" + why + ");"
                + " enable it (redlock.meta.\"" + fullName + "\".enable / mode) or lock with a meta in effect");
    }

    static DeploymentException lockedUndeclared(String method, String fullName, String kind, String resource,
            List<String> declared) {
        return problem("RL2042: " + method + ": @Locked resource '" + shown(resource) + "' is not declared by "
                + fullName + " in @RedlockResources(" + kind + "), was expecting one of " + declared
                + "; write it exactly as declared, or declare it");
    }

    static DeploymentException lockedWrongKind(String method, String fullName, String resource, boolean isolate) {
        return problem("RL2043: " + method + ": @Locked resource '" + shown(resource) + "' is declared by " + fullName
                + " only in @RedlockResources(" + (isolate ? "lock" : "isolate") + "), but the binding says isolate = "
                + isolate + "; " + (isolate ? "remove isolate = true" : "add isolate = true")
                + " or declare it in @RedlockResources(" + (isolate ? "isolate" : "lock") + ")");
    }

    static DeploymentException lockedNoParameter(String method, String resource, String placeholder,
            List<String> parameterNames) {
        boolean synthetic = !parameterNames.isEmpty() && parameterNames.stream().allMatch(n -> n.matches("arg\\d+"));
        return problem("RL2044: " + method + ": @Locked resource '" + shown(resource) + "': no parameter fills {"
                + placeholder + "}, parameters are " + parameterNames + "; "
                + (synthetic
                        ? "the class was compiled without parameter names: compile with javac -parameters"
                                + " (maven-compiler-plugin <parameters>true</parameters>) or annotate the parameter with"
                        : "rename the parameter or annotate it with")
                + " @LockArg(\"" + placeholder + "\")");
    }

    static DeploymentException lockedBadLockArg(String method, String resource, String lockArg, String why) {
        return problem("RL2045: " + method + ": @LockArg(\"" + shown(lockArg) + "\") " + why + " of @Locked resource '"
                + shown(resource) + "'; name a placeholder of the resource, once");
    }

    static DeploymentException lockedBadOption(String method, String attribute, String value, String why) {
        return problem("RL2046: " + method + ": @Locked(" + attribute + " = \"" + shown(value) + "\"): " + why
                + (attribute.equals("instance")
                        ? "; use a name without control characters or braces (empty for the configured instance)"
                        : "; use a duration such as 500ms, 10s or PT10S (empty for the configured value)"));
    }

    static DeploymentException lockedNotInterceptable(String method, String why) {
        return problem("RL2047: " + method + ": @Locked on a method the container cannot intercept (" + why
                + "), so it would run without the lock; make it a non-private, non-static, non-final method of a"
                + " bean");
    }

    static DeploymentException lockedBadAsyncType(String method, String returnType) {
        return problem("RL2048: " + method + ": @Locked async method returns " + returnType + "; declare"
                + " CompletionStage or CompletableFuture (the lock is held until the returned stage completes)");
    }

    static DeploymentException lockedOnClass(String beanClass) {
        return problem("RL2049: " + beanClass + ": @Locked on a class; put it on the methods to lock, each naming"
                + " its resource");
    }

    /** The interceptor ran for a method the deployment did not check: its class was not a bean the build saw. */
    static IllegalStateException lockedUnchecked(String method) {
        return new IllegalStateException("RL2039: " + method + ": @Locked method was not checked at deployment;"
                + " make its class a bean the container discovers");
    }

    /**
     * The message for a bad meta kind given to {@code inspectMeta}.
     *
     * @param kind  the kind given
     * @param known the known kinds
     * @return the exception
     */
    public static IllegalArgumentException unknownMetaKind(String kind, Collection<String> known) {
        return new IllegalArgumentException("RL2030: inspectMeta: unknown meta kind '" + shown(kind) + "'; known kinds are "
                + known.stream().sorted().collect(Collectors.toList()));
    }

    /**
     * A value as a message shows it: control characters escaped ({@code \n}, {@code \u0000}), so a value cannot
     * forge a log line, and values longer than 80 characters cut, with their length.
     *
     * @param value the value, or null
     * @return the printable form
     */
    public static String shown(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) : value;
        StringBuilder out = new StringBuilder(cut.length() + 8);
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (cut.length() < value.length()) {
            out.append("… (").append(String.format(java.util.Locale.ROOT, "%,d", value.length())).append(" characters)");
        }
        return out.toString();
    }

    /** Every problem of a deployment as one exception: the messages one per line, the problems suppressed. */
    static DeploymentException deploymentProblems(List<DeploymentException> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        DeploymentException all = new DeploymentException(problems.size() + " Redlock deployment problems:\n"
                + problems.stream().map(Throwable::getMessage).collect(Collectors.joining("\n")));
        problems.forEach(all::addSuppressed);
        return all;
    }

    private static DeploymentException problem(String message) {
        return new DeploymentException(message);
    }
}
