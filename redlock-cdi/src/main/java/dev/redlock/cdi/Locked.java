package dev.redlock.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;

/**
 * Runs a CDI bean method while holding a lock of a meta bean: the interceptor-binding form of
 * {@code meta.lock(resource, fn)} and {@code meta.lockIsolate(resource, fn)}.
 *
 * <pre>{@code
 * @Locked(meta = MetaRedlock.class, lock = "user-{userId}")
 * public void update(String userId, Profile profile) { ... }   // holds demo-student.user-<userId>
 * }</pre>
 *
 * <p>{@link #lock()} names a resource that the meta declares in {@code @RedlockResources}, exactly as written there:
 * a plain resource ({@code name}) or a template ({@code user-{userId}}). Each placeholder takes the value
 * ({@code String.valueOf}) of the method parameter of the same name, or of the parameter annotated
 * {@link LockArg @LockArg("userId")}. Parameter names are in the class file only when it is compiled with
 * {@code javac -parameters} (Maven: {@code <parameters>true</parameters>} in the {@code maven-compiler-plugin}
 * configuration); without it, annotate the parameters with {@code @LockArg}. A value is checked as the generated
 * factories check it ({@link dev.redlock.api.ResourceArguments}): {@code null}, empty or a brace fails the call with
 * {@link IllegalArgumentException} before any lock is taken.
 *
 * <p>The key, the instance name, the client, the lease and wait times and the datasource level are those of the
 * meta bean's own {@code lock} / {@code lockIsolate}: the interceptor calls the same binding. Everything the
 * annotation says is checked when the application starts, and a mistake fails the start with an {@code RL204x} code
 * naming the method: a {@link #meta()} that is not a {@code @Meta} bean of the deployment or not in effect, a
 * resource the meta does not declare or declares only for the other kind ({@code lock} versus {@code isolate}), a
 * placeholder without a parameter, an unreadable option, or a method the container cannot intercept (private,
 * static or final).
 *
 * <p>A method returning {@link java.util.concurrent.CompletionStage} (or {@code CompletableFuture}) holds the lock
 * until the stage it returns completes: the lock is acquired on the calling thread before the method runs, kept
 * extended, and released when the stage completes; the stage the caller gets completes after the release. Other
 * methods hold it while they run. Ownership is a random token, not a thread, so virtual threads are fine.
 *
 * <p>Put it on methods. On a class it would lock every method with one resource, whose placeholders the methods'
 * parameters do not share; a bean class annotated {@code @Locked} fails the start ({@code RL2049}).
 *
 * <p>The interceptor runs at {@link #PRIORITY}, before {@code @Transactional} (priority
 * {@code PLATFORM_BEFORE + 200}), so a transaction inside the method commits before the lock is released.
 *
 * @since 0.1
 */
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Locked {

    /**
     * The interceptor's priority: {@code Interceptor.Priority.PLATFORM_BEFORE + 150}, outside a transaction
     * interceptor ({@code + 200}), so the lock is held until the transaction has committed.
     */
    int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE + 150;

    /**
     * The meta bean class whose lock this is: a {@code @Meta} class of the deployment, in effect under the active
     * profile.
     *
     * @return the meta class
     */
    @Nonbinding
    Class<?> meta();

    /**
     * The resource, as the meta declares it in {@code @RedlockResources(lock)} (or {@code isolate}, with
     * {@link #isolate()}): {@code name} or {@code user-{userId}}.
     *
     * @return the declared resource or template
     */
    @Nonbinding
    String lock();

    /**
     * Whether to lock as {@code lockIsolate}: run the method at the next datasource level. The resource must then be
     * declared in {@code @RedlockResources(isolate)}.
     *
     * @return {@code true} for {@code lockIsolate}
     */
    @Nonbinding
    boolean isolate() default false;

    /**
     * How long to wait for the lock: {@code 200ms}, {@code 5s}, {@code PT5S} (the syntax of the {@code redlock.*}
     * durations); {@code 0s} for one attempt. Empty for the configured wait.
     *
     * @return the wait time, or empty
     */
    @Nonbinding
    String waitTime() default "";

    /**
     * The lease time of the grant and of each automatic extension: {@code 10s}, {@code PT10S}. Empty for the
     * configured lease time.
     *
     * @return the lease time, or empty
     */
    @Nonbinding
    String leaseTime() default "";

    /**
     * The instance (tenant) name of the key. Empty for the configured one (the application's
     * {@link InstanceNameResolver}, else none).
     *
     * @return the instance name, or empty
     */
    @Nonbinding
    String instance() default "";
}
