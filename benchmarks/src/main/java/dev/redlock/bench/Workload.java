package dev.redlock.bench;

/** The workloads of {@code BENCHMARKS.md} the driver runs, with the number of Redis nodes each uses. */
enum Workload {
    /** The limit: {@code redis-benchmark} with the acquire and release scripts, and the loopback round trip. */
    LIMIT("limit", 1),
    /** Uncontended, serial, one node. */
    W1("W1", 1),
    /** Uncontended, 16 workers in flight, one node. */
    W2("W2", 1),
    /** W2 through the {@code CompletionStage} API: 16 in flight, started from one thread, one node. */
    W2A("W2a", 1),
    /** W1 over three independent nodes. */
    W3_3("W3", 3),
    /** W1 over five independent nodes. */
    W3_5("W3", 5),
    /** Contended: 8 workers, one resource (W5, the correctness check, is measured inside it). */
    W4("W4", 1),
    /** W1 through a callback API: the engine's {@code using} and an injected meta bean in Weld SE. */
    W6_1("W6", 1),
    /** W4 through a callback API: the engine's {@code using} and an injected meta bean in Weld SE. */
    W6_4("W6", 1);

    private final String script;
    private final int nodes;

    Workload(String script, int nodes) {
        this.script = script;
        this.nodes = nodes;
    }

    /** The workload's name in {@code BENCHMARKS.md} and in the Node.js script. */
    String id() {
        return script;
    }

    /** How many independent nodes it runs on. */
    int nodes() {
        return nodes;
    }

    /** The name shown in the progress log and the report. */
    String display() {
        return switch (this) {
            case W3_3, W3_5 -> script + " (" + nodes + " nodes)";
            case W6_1 -> "W6 (W1 shape)";
            case W6_4 -> "W6 (W4 shape)";
            default -> script;
        };
    }
}
