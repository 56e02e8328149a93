package dev.redlock.cdi.internal;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.redlock.api.RedlockResource;
import dev.redlock.cdi.Locked;

/**
 * The interceptor of {@link Locked @Locked}: follows the plan the deployment checked for the method and locks
 * through the meta's own binding, so keys, instance names, clients, times and isolation are those of the meta bean's
 * {@code lock} / {@code lockIsolate}. Registered by the extension; stateless and thread-safe.
 */
@Locked(meta = Object.class, lock = "")
@Interceptor
@Priority(Locked.PRIORITY)
public class LockedInterceptor {

    private final Deployment deployment;

    /**
     * Created by the container.
     *
     * @param deployment the deployment, which holds the checked plans and the runtime
     */
    @Inject
    public LockedInterceptor(Deployment deployment) {
        this.deployment = deployment;
    }

    /**
     * Runs the intercepted method under its lock.
     *
     * @param ctx the invocation
     * @return what the method returned; for a stage, a stage that completes after the release
     * @throws Exception what the method threw, or a lock failure
     */
    @AroundInvoke
    public Object lock(InvocationContext ctx) throws Exception {
        LockedMethods.Plan plan = deployment.lockedPlan(ctx.getMethod());
        RedlockResource resource = plan.resource(ctx.getParameters());
        RedlockRuntime.Binding binding = deployment.runtime().binding(plan.metaClass());
        if (plan.async()) {
            return binding.lockAsync(plan.isolate(), resource, plan.options(),
                    session -> (CompletionStage<?>) ctx.proceed()).toCompletableFuture();
        }
        return plan.isolate()
                ? binding.lockIsolate(resource, plan.options(), session -> ctx.proceed())
                : binding.lock(resource, plan.options().lock(), session -> ctx.proceed());
    }
}
