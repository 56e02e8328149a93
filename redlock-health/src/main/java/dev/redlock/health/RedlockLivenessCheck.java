package dev.redlock.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The liveness check {@code redlock}: always UP. An outage of the lock service makes the application not ready (see
 * {@link RedlockReadinessCheck}); restarting the application would not bring the nodes back, so it never makes it
 * not live.
 *
 * @since 0.2
 */
@Liveness
@ApplicationScoped
public class RedlockLivenessCheck implements HealthCheck {

    /** Created by the container. */
    public RedlockLivenessCheck() {
    }

    /**
     * Reports UP.
     *
     * @return {@code redlock} UP
     */
    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.up(RedlockReadinessCheck.NAME);
    }
}
