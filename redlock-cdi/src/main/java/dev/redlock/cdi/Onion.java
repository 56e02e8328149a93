package dev.redlock.cdi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.redlock.api.HeldLock;
import dev.redlock.api.MetaSlice;
import dev.redlock.api.spi.DatasourceIsolation;
import dev.redlock.cdi.internal.CdiMessages;
import dev.redlock.cdi.internal.Deployment;
import dev.redlock.cdi.internal.Json;
import dev.redlock.cdi.internal.RedlockRuntime;
import dev.redlock.core.Redlock;

/**
 * The application's inspect service, VonaJS's {@code this.bean.onion}: {@code onion.meta().inspectMeta("redlock")}
 * lists the metas in effect, {@code onion.redlock().inspectLocks()} the locks held right now.
 *
 * <p>Both log what they return, one record per call, through {@link System.Logger} {@code dev.redlock.cdi.Onion}
 * at the level {@code redlock.inspect.log-level} sets ({@code INFO} by default): the entries as a JSON array of
 * objects, then, on the next line, a JSON array of their names. Application scoped; thread-safe.
 *
 * @since 0.1
 */
@ApplicationScoped
public class Onion {

    private static final System.Logger LOG = System.getLogger(Onion.class.getName());

    private final Deployment deployment;
    private final MetaService meta;
    private final RedlockService redlock;

    /** For the container's client proxy only. */
    protected Onion() {
        this.deployment = null;
        this.meta = null;
        this.redlock = null;
    }

    /** Created by the container; {@code deployment} is the synthetic bean that holds the runtime. */
    @Inject
    Onion(Deployment deployment) {
        this.deployment = deployment;
        this.meta = new MetaService(this);
        this.redlock = new RedlockService(this);
    }

    /**
     * The meta service: what metas are in effect.
     *
     * @return the meta service
     */
    public MetaService meta() {
        return meta;
    }

    /**
     * The redlock service: what locks are held now.
     *
     * @return the redlock service
     */
    public RedlockService redlock() {
        return redlock;
    }

    RedlockRuntime runtime() {
        return deployment.runtime();
    }

    /**
     * Starts the engines with the application: creating the deployment validates it and starts them.
     *
     * <p>The deployment looks up the application's {@link InstanceNameResolver} and {@link DatasourceIsolation}
     * beans itself; these two injection points declare that use, so that a container that removes beans nothing
     * injects (Quarkus ArC) keeps them, as Weld does, without {@code @Unremovable}.
     *
     * @param startup    the container's start event
     * @param resolvers  the application's instance name resolvers, looked up by the deployment
     * @param isolations the application's datasource isolations, looked up by the deployment
     */
    void start(@Observes Startup startup, Instance<InstanceNameResolver> resolvers,
            Instance<DatasourceIsolation> isolations) {
        deployment.runtime();
    }

    /** Inspects metas. Thread-safe. */
    public static final class MetaService {

        private final Onion onion;

        MetaService(Onion onion) {
            this.onion = onion;
        }

        /**
         * Lists and logs the metas of one kind that are in effect under the active profile: enabled (after
         * {@code redlock.meta."<module:meta>".enable}) and in a matching {@code mode}. The kind is the meta name
         * ({@code redlock} for {@code MetaRedlock}). Logs the slices as JSON, then the sorted array of their full
         * names, {@code ["a-auth:redlock","demo-student:redlock"]}.
         *
         * @param kind the meta name; {@code redlock} is always known, other names when some module declares them
         * @return the slices, sorted by full name
         * @throws IllegalArgumentException if {@code kind} is null, blank or not a known meta name
         */
        public List<MetaSlice> inspectMeta(String kind) {
            if (kind == null || kind.isBlank()) {
                throw new IllegalArgumentException("kind must not be null or blank, was "
                        + (kind == null ? "null" : "'" + CdiMessages.shown(kind) + "'")
                        + "; use a meta name such as 'redlock'");
            }
            RedlockRuntime runtime = onion.runtime();
            if (!runtime.metaKinds().contains(kind)) {
                throw CdiMessages.unknownMetaKind(kind, runtime.metaKinds());
            }
            List<MetaSlice> slices = runtime.effectiveSlices().stream().filter(s -> s.meta().equals(kind)).toList();
            LOG.log(runtime.inspectLogLevel(),
                    Json.slices(slices) + "\n" + Json.strings(slices.stream().map(MetaSlice::name).toList()));
            return slices;
        }
    }

    /** Inspects held locks. Thread-safe. */
    public static final class RedlockService {

        private final Onion onion;

        RedlockService(Onion onion) {
            this.onion = Objects.requireNonNull(onion);
        }

        /**
         * Lists and logs the locks held right now under this application's key prefix, across the nodes of every
         * configured client, as a quorum of nodes sees them: key, owner, remaining TTL, fencing token, waiters. Logs
         * the locks as JSON, then the sorted array of their keys.
         *
         * @return the held locks, sorted by key
         */
        public List<HeldLock> inspectLocks() {
            RedlockRuntime runtime = onion.runtime();
            List<HeldLock> locks = runtime.heldLocks();
            LOG.log(runtime.inspectLogLevel(),
                    Json.locks(locks) + "\n" + Json.strings(locks.stream().map(HeldLock::key).toList()));
            return locks;
        }

        /**
         * The engine of each configured client, by client name: for integrations that observe the engines
         * ({@code redlock-micrometer} binds its meters to them, {@code redlock-health} pings their nodes). Take
         * locks through the meta beans, not here: they name the keys, pick the lease time and guard against
         * nesting.
         *
         * @return the engines by client name, in configuration order; unmodifiable
         * @since 0.2
         */
        public Map<String, Redlock> engines() {
            return onion.runtime().engines();
        }
    }
}
