package dev.redlock.bench;

/**
 * A figure a workload reports. The key is the name used in the JSON the Node.js script prints, so both sides
 * report the same figures under the same names.
 */
enum Metric {
    // @formatter:off
    OPS_PER_S("ops_per_s", "ops/s", 0),
    P50_US("p50_us", "p50 µs", 0),
    P99_US("p99_us", "p99 µs", 0),
    GRANTS_PER_S("grants_per_s", "grants/s", 0),
    WAIT_P50_MS("wait_p50_ms", "wait p50 ms", 1),
    WAIT_P99_MS("wait_p99_ms", "wait p99 ms", 1),
    HANDOVER_WAIT_P50_MS("handover_wait_p50_ms", "hand-over wait p50 ms", 1),
    HANDOVER_WAIT_P99_MS("handover_wait_p99_ms", "hand-over wait p99 ms", 1),
    FAIRNESS("fairness", "per-worker min/max", 2),
    HANDOFF_P50_US("handoff_p50_us", "handoff p50 µs", 0),
    HANDOFF_P99_US("handoff_p99_us", "handoff p99 µs", 0),
    HANDOVERS_PER_S("handovers_per_s", "hand-overs/s", 0),
    GRANTS("grants", "grants", 0),
    VIOLATIONS("violations", "W5 violations", 0),
    ACQUIRE_C1("acquire_c1", "acquire script -c 1 /s", 0),
    RELEASE_C1("release_c1", "release script -c 1 /s", 0),
    PAIR_C1("pair_c1", "acquire+release pairs -c 1 /s", 0),
    ACQUIRE_C16("acquire_c16", "acquire script -c 16 /s", 0),
    RELEASE_C16("release_c16", "release script -c 16 /s", 0),
    PAIR_C16("pair_c16", "acquire+release pairs -c 16 /s", 0),
    RTT_CLI_US("rtt_cli_us", "RTT redis-cli --latency avg µs", 0),
    RTT_PING_US("rtt_ping_us", "RTT PING loop p50 µs", 0),
    CPU_US_PER_OP("cpu_us_per_op", "client CPU µs/op", 0),
    CSW_PER_OP("csw_per_op", "context switches/op", 1),
    SERVER_CPU_US_PER_OP("server_cpu_us_per_op", "server CPU µs/op", 0),
    SCRIPTS_PER_GRANT("scripts_per_grant", "acquire scripts/grant", 2),
    FAILED_SCRIPTS_PER_GRANT("failed_scripts_per_grant", "failed acquire scripts/grant", 2);
    // @formatter:on

    private final String key;
    private final String label;
    private final int decimals;

    Metric(String key, String label, int decimals) {
        this.key = key;
        this.label = label;
        this.decimals = decimals;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    int decimals() {
        return decimals;
    }

    static Metric ofKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "'");
    }
}
