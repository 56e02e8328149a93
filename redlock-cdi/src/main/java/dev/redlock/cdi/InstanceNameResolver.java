package dev.redlock.cdi;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the instance (tenant) name of the current call when {@link dev.redlock.api.LockOptions#instance()} is
 * not given. Provide at most one bean of this type, {@code @ApplicationScoped} (or {@code @Dependent}), never
 * {@code @RequestScoped}: locks also run on threads without a request (executors, schedulers, start-up observers),
 * where a request-scoped bean has no context. Read a request's tenant only while the request context is active:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class TenantInstance implements InstanceNameResolver {
 *     @Inject Tenant tenant; // @RequestScoped
 *
 *     public String instanceName() {
 *         try {
 *             return tenant.id();
 *         } catch (ContextNotActiveException e) {
 *             return null; // outside a request: no instance, unless the call gives LockOptions.instance
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>The name becomes the {@code {instance}} part of every key: {@code ~} when {@code null}, {@code -} when empty.
 * It is looked up once, on the first lock, and called on every lock after that; a normal-scoped bean is reached
 * through its client proxy, so the value follows the active context. A {@code ContextNotActiveException} the
 * resolver lets through fails the lock with {@code RL2029}, naming the resolver and the thread. Implementations
 * must be thread-safe.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface InstanceNameResolver {

    /**
     * The instance name for the current call.
     *
     * @return the name; {@code null} for no instance, empty for the empty instance; no control characters or
     *         braces
     */
    @Nullable
    String instanceName();
}
