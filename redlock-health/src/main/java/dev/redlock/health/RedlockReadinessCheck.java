package dev.redlock.health;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.redlock.api.NodeVote;
import dev.redlock.cdi.Onion;
import dev.redlock.core.Redlock;

/**
 * The readiness check {@code redlock}: UP while, for every client, a quorum of its nodes answers {@code PING}
 * within the client's command timeout ({@link Redlock#ping()}); DOWN otherwise. Its data has one entry per client,
 * such as {@code "default": "DOWN: 1 of 3 nodes answered PING (quorum 2); unreachable: 10.0.0.7:6379,
 * 10.0.0.8:6379"}: nodes are named {@code host:port} only, never with a user, a password or a URI.
 *
 * <p>Each call pings every node of every client, in parallel per client, so a call takes at most the sum of the
 * clients' command timeouts. Application scoped; thread-safe.
 *
 * @since 0.2
 */
@Readiness
@ApplicationScoped
public class RedlockReadinessCheck implements HealthCheck {

    /** The name of the readiness and the liveness check. */
    public static final String NAME = "redlock";

    private final Onion onion;

    /** For the container's client proxy only. */
    protected RedlockReadinessCheck() {
        this.onion = null;
    }

    /**
     * Created by the container.
     *
     * @param onion the application's inspect service, which knows every client's engine
     */
    @Inject
    public RedlockReadinessCheck(Onion onion) {
        this.onion = Objects.requireNonNull(onion, "onion");
    }

    /**
     * Pings the nodes of every client.
     *
     * @return {@code redlock} UP if every client has a quorum of nodes answering, else DOWN; one data entry per
     *         client
     */
    @Override
    public HealthCheckResponse call() {
        return readiness(onion.redlock().engines());
    }

    /**
     * The readiness of some engines, for applications that run the engine without CDI and report health
     * themselves.
     *
     * @param engines the engines by client name
     * @return {@code redlock} UP if every engine has a quorum of nodes answering {@code PING}, else DOWN; one data
     *         entry per client
     */
    public static HealthCheckResponse readiness(Map<String, Redlock> engines) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean up = true;
        for (Map.Entry<String, Redlock> e : engines.entrySet()) {
            Redlock engine = e.getValue();
            List<NodeVote> votes = engine.ping();
            List<String> unreachable = votes.stream().filter(v -> !v.granted()).map(NodeVote::node).toList();
            int answered = votes.size() - unreachable.size();
            boolean quorum = answered >= engine.quorum();
            up &= quorum;
            response.withData(e.getKey(), (quorum ? "UP: " : "DOWN: ") + answered + " of " + votes.size()
                    + " nodes answered PING (quorum " + engine.quorum() + ")"
                    + (unreachable.isEmpty() ? "" : "; unreachable: " + String.join(", ", unreachable)));
        }
        return response.status(up).build();
    }
}
