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
     * The metas and the live locks.
     *
     * @return the JSON object
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String inspect() {
        // tag::inspect-data[]
        List<MetaSlice> metas = onion.meta().inspectMeta("redlock");
        List<HeldLock> locks = onion.redlock().inspectLocks();
        // end::inspect-data[]
        JsonWriter json = new JsonWriter().beginObject().name("metas").beginArray();
        for (MetaSlice m : metas) {
            json.beginObject().field("name", m.name()).field("module", m.module()).field("meta", m.meta())
                    .field("beanClass", m.beanClass()).name("lock").strings(m.lockResources()).name("isolate")
                    .strings(m.isolateResources()).field("client", m.client()).endObject();
        }
        json.endArray().name("locks").beginArray();
        for (HeldLock l : locks) {
            json.beginObject().field("key", l.key()).field("owner", l.owner())
                    .field("remainingTtlMillis", l.remainingTtl().toMillis()).field("fencingToken", l.fencingToken())
                    .field("waiters", l.waiters()).endObject();
        }
        return json.endArray().endObject().toString();
    }
}
