package dev.redlock.core.internal;

/**
 * Names of the auxiliary keys and channels of a lock key. Every auxiliary key hashes to the cluster slot of the
 * lock key itself: a key without braces {@code K} gets auxiliaries {@code {K}:fence}, {@code {K}:q},
 * {@code {K}:hb} (the hash tag {@code K} is the whole key); a key that already has a hash tag keeps it, so its
 * auxiliaries are {@code K:fence} and so on. Keys with braces that do not form a tag hash as a whole and cannot
 * have same-slot auxiliaries; they work on single nodes but not on Redis Cluster.
 */
public final class KeyNames {

    /** The per-node restart marker (see {@code docs/engine.md}). */
    public static final String EPOCH = "redlock:epoch";

    private KeyNames() {
    }

    /**
     * The slot-preserving base of the auxiliary names of {@code key}.
     *
     * @param key the lock key
     * @return the base
     */
    static String base(String key) {
        // a key with a brace keeps its own hash tag, or hashes as a whole when the braces form none: either way the
        // auxiliaries extend the key itself (see the class comment)
        if (key.indexOf('{') >= 0 || key.indexOf('}') >= 0) {
            return key;
        }
        return "{" + key + "}";
    }

    /**
     * The fencing-counter key of {@code key}.
     *
     * @param key the lock key
     * @return the fence key
     */
    public static String fence(String key) {
        return base(key) + ":fence";
    }

    static String queue(String key) {
        return base(key) + ":q";
    }

    static String heartbeats(String key) {
        return base(key) + ":hb";
    }

    static String channel(String key) {
        return base(key) + ":released";
    }

    /**
     * Whether {@code name} is one of the auxiliary keys the engine creates, not a lock key.
     *
     * @param name a Redis key name
     * @return {@code true} for fence, queue, heartbeat and epoch keys
     */
    static boolean isAuxiliary(String name) {
        if (name.equals(EPOCH)) {
            return true;
        }
        for (String suffix : new String[]{":fence", ":q", ":hb"}) {
            if (name.endsWith(suffix)) {
                // every auxiliary's base has a brace (base() adds a tag to a key without one), and no lock key
                // made by base() ends in one of these suffixes after a brace-free part
                String k = name.substring(0, name.length() - suffix.length());
                return k.indexOf('{') >= 0 || k.indexOf('}') >= 0;
            }
        }
        return false;
    }
}
