package dev.redlock.test.faults;

/**
 * One grant as its client saw it, for the {@link HistoryChecker}. Times are {@link System#nanoTime()} of the one JVM
 * all clients run in, so intervals of different clients compare.
 *
 * @param client     the client (engine) index
 * @param resource   the resource
 * @param token      the grant's fencing token
 * @param startNanos when the locked function started
 * @param endNanos   when it finished (0 if it did not get that far)
 * @param write      what the register made of the client's write
 * @param sequence   the register's count of accepted writes after this one (accepted writes only)
 * @param expired    whether the lock's validity had run out when the client finished its write
 * @param told       whether the client was told the lock was lost ({@code LockLostException})
 */
public record Grant(int client, String resource, long token, long startNanos, long endNanos, Write write,
        long sequence, boolean expired, boolean told) {

    /** The outcome of the client's fenced write. */
    public enum Write {
        /** The register accepted it. */
        ACCEPTED,
        /** The register rejected it: a higher token had been accepted. */
        REJECTED,
        /** The client did not write (the register could not be reached). */
        NONE
    }
}
