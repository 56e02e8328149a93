package com.example.demo;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.smallrye.config.SmallRyeConfig;

import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;

/**
 * Under the dev and test profiles, unless {@code redlock.nodes} is set: three local {@code redis-server} nodes, started before
 * redlock starts its engines (redlock starts them on {@link Startup} at the default priority) and stopped after it
 * has closed them. Under the prod profile {@code redlock.nodes} must be set.
 */
@ApplicationScoped
public class LocalRedis {

    /** How many nodes it starts. */
    public static final int NODES = 3;

    private static final String NODES_KEY = "redlock.nodes";
    private static final Logger LOG = Logger.getLogger(LocalRedis.class);

    private volatile RedisNodes nodes;

    // tag::local-redis[]
    void start(@Observes @Priority(1) Startup startup) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        if (config.getProfiles().stream().noneMatch(p -> p.equals("dev") || p.equals("test"))
                || config.getOptionalValue(NODES_KEY, String.class).isPresent()) {
            return;
        }
        RedisNodes started = RedisNodes.start(NODES);
        nodes = started;
        // redlock reads its configuration when it starts, just after this observer
        System.setProperty(NODES_KEY, String.join(",", started.uris()));
        LOG.infof("Started %d local Redis nodes: %s (set redlock.nodes to use your own)", NODES, started.uris());
    }
    // end::local-redis[]

    void stop(@Observes @Priority(5000) Shutdown shutdown) {
        RedisNodes started = nodes;
        if (started != null) {
            started.close();
            System.clearProperty(NODES_KEY);
            nodes = null;
            LOG.info("Stopped the local Redis nodes");
        }
    }

    /**
     * The URIs of the nodes it started.
     *
     * @return the URIs; empty when {@code redlock.nodes} was set
     */
    public List<String> uris() {
        RedisNodes started = nodes;
        return started == null ? List.of() : started.uris();
    }

    /**
     * One of the nodes it started, for tests that stop and restart it.
     *
     * @param index the node's index, from 0
     * @return the node
     * @throws IllegalStateException when {@code redlock.nodes} was set and no node was started
     */
    public RedisNode node(int index) {
        RedisNodes started = nodes;
        if (started == null) {
            throw new IllegalStateException("no local nodes: redlock.nodes is set");
        }
        return started.node(index);
    }

    /**
     * The process ids of the nodes it started.
     *
     * @return the pids; empty when {@code redlock.nodes} was set
     */
    public List<Long> pids() {
        RedisNodes started = nodes;
        return started == null ? List.of() : started.nodes().stream().map(RedisNode::pid).toList();
    }
}
