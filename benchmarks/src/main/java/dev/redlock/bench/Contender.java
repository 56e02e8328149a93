package dev.redlock.bench;

import java.util.List;
import java.util.Set;

/** One implementation under test, and the workloads it takes part in. */
interface Contender {

    /** The short id used in {@code -Dbench.impls} and the report. */
    String id();

    /** The name in the report. */
    String label();

    /** Whether it takes part in {@code workload}. */
    boolean supports(Workload workload);

    /**
     * Runs one repetition of {@code workload} on {@code uris}.
     *
     * @param workload the workload
     * @param uris     exactly {@link Workload#nodes()} node URIs
     * @param settings the sizes
     * @param prefix   a key prefix unique to this run
     * @return what it measured
     * @throws Exception if the implementation failed; the run is reported as failed
     */
    Sample run(Workload workload, List<String> uris, Settings settings, String prefix) throws Exception;

    /**
     * A Java implementation driven through a {@link LockClient}.
     *
     * @param id        the id
     * @param label     the report name
     * @param workloads the workloads it takes part in
     * @param open      opens a client with its own connections on the given nodes
     */
    record Java(String id, String label, Set<Workload> workloads, Opener open) implements Contender {

        public Java {
            workloads = Set.copyOf(workloads);
        }

        @Override
        public boolean supports(Workload workload) {
            return workloads.contains(workload);
        }

        @Override
        public Sample run(Workload workload, List<String> uris, Settings s, String prefix) throws Exception {
            if (workload == Workload.W4 || workload == Workload.W6_4) {
                return Workloads.contended(() -> open.open(uris, true), prefix + "one", s.w4Workers(), s.w4Grants(),
                        s.w4Time(), s.ttl());
            }
            try (LockClient<?> client = open.open(uris, false)) {
                return switch (workload) {
                    case W1, W3_3, W3_5, W6_1 -> Workloads.serial(client, prefix, s.warmupOps(), s.w1Ops(), s.ttl());
                    case W2 -> Workloads.parallel(client, prefix, s.w2Workers(), s.warmupOps(), s.w2Ops(), s.w2Time(),
                            s.ttl());
                    case W2A -> Workloads.inFlight(client, prefix, s.w2Workers(), s.warmupOps(), s.w2Ops(),
                            s.w2Time(), s.ttl());
                    default -> throw new IllegalArgumentException("not a lock workload: " + workload);
                };
            }
        }
    }

    /** Opens a {@link LockClient} with its own connections. */
    @FunctionalInterface
    interface Opener {
        /**
         * @param uris      the nodes
         * @param perWorker whether it is one of the W4 workers' own clients (which may keep fewer idle connections)
         * @return the client
         */
        LockClient<?> open(List<String> uris, boolean perWorker);
    }
}
