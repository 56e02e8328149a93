package dev.redlock.cdi;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the instance (tenant) name of the current call when {@link dev.redlock.api.LockOptions#instance()} is
 * not given. Provide at most one bean of this type, typically request scoped:
 *
 * <pre>{@code
 * @RequestScoped
 * class TenantInstance implements InstanceNameResolver {
 *     @Inject Tenant tenant;
 *     public String instanceName() { return tenant.id(); }
 * }
 * }</pre>
 *
 * <p>The name becomes the {@code {instance}} part of every key: {@code ~} when {@code null}, {@code -} when empty.
 * It is looked up once, on the first lock, and called on every lock after that; a normal-scoped bean is reached
 * through its client proxy, so the value follows the active context. Implementations must be thread-safe.
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
