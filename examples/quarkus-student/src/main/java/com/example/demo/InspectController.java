package com.example.demo;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.redlock.api.HeldLock;
import dev.redlock.api.MetaSlice;
import dev.redlock.cdi.Onion;

/**
 * {@code GET /inspect}: the redlock metas in effect ({@code inspectMeta("redlock")}) and the locks held right now
 * ({@code inspectLocks()}), as JSON: {@code {"metas": [...], "locks": [...]}}.
 */
@ApplicationScoped
@Path("/inspect")
public class InspectController {

    @Inject
    Onion onion;

    /**
     * The answer of {@code /inspect}; Jackson writes it (records in component order), through
     * {@code quarkus-rest-jackson}.
     *
     * @param metas the metas in effect
     * @param locks the locks held now
     */
    public record Inspect(List<MetaView> metas, List<LockView> locks) {
    }

    /**
     * One meta in effect.
     *
     * @param name      {@code module:meta}
     * @param module    the module
     * @param meta      the meta name
     * @param beanClass the meta class
     * @param lock      the resources {@code lock} accepts
     * @param isolate   the resources {@code lockIsolate} accepts
     * @param client    the client its locks use
     */
    public record MetaView(String name, String module, String meta, String beanClass, List<String> lock,
            List<String> isolate, String client) {
    }

    /**
     * One lock held now.
     *
     * @param key                the Redis key
     * @param owner              the shortened owner id
     * @param remainingTtlMillis how long it stays valid without extension
     * @param fencingToken       the fencing token of the grant
     * @param waiters            how many callers wait for it
     */
    public record LockView(String key, String owner, long remainingTtlMillis, long fencingToken, long waiters) {
    }

    /**
     * The metas and the live locks.
     *
     * @return the answer, written as JSON
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Inspect inspect() {
        // tag::inspect-data[]
        List<MetaSlice> metas = onion.meta().inspectMeta("redlock");
        List<HeldLock> locks = onion.redlock().inspectLocks();
        // end::inspect-data[]
        return new Inspect(
                metas.stream().map(m -> new MetaView(m.name(), m.module(), m.meta(), m.beanClass(),
                        m.lockResources(), m.isolateResources(), m.client())).toList(),
                locks.stream().map(l -> new LockView(l.key(), l.owner(), l.remainingTtl().toMillis(),
                        l.fencingToken(), l.waiters())).toList());
    }
}
