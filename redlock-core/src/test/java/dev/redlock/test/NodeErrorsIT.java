package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * A failed node says what happened to it, in votes and in the exception message, as {@code host:port: <what>}:
 * connection refused, timed out, authentication failed, read-only replica, out of memory. The client's own
 * exception stays attached as the cause; no password shows up anywhere.
 */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class NodeErrorsIT {

    private static final Duration LEASE_TIME = Duration.ofSeconds(10);

    @Test
    void killedAndPausedNodes_areRefusedAndTimedOut(RedisNodes nodes) {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            redlock.acquire(List.of("errors:warm"), LEASE_TIME).release(); // connections up
            nodes.node(1).kill();
            nodes.node(2).pause();
            try {
                LockAcquisitionException e = notAcquired(redlock, "errors:down");
                assertThat(e.getMessage()).startsWith("RL1002")
                        .contains(name(nodes.node(1)) + ": connection refused")
                        .contains(name(nodes.node(2)) + ": timed out");
                assertThat(e.votes().get(1)).isEqualTo(
                        new NodeVote(name(nodes.node(1)), NodeVote.Outcome.ERROR, "connection refused"));
                assertThat(e.votes().get(2).outcome()).isEqualTo(NodeVote.Outcome.ERROR);
                assertThat(e.votes().get(2).error()).startsWith("timed out");
                assertThat(e.getCause()).isNotNull(); // the client's exception, kept
                assertThat(e.getCause().getClass().getName()).startsWith("org.redisson");
            } finally {
                nodes.node(2).resume();
            }
        }
    }

    @Test
    void replicaAndFullNodes_areReadOnlyAndOutOfMemory(RedisNodes nodes) {
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {
            RedisNode primary = nodes.node(0);
            nodes.node(1).execute("REPLICAOF", primary.host(), Integer.toString(primary.port()));
            nodes.node(2).execute("CONFIG", "SET", "maxmemory-policy", "noeviction");
            nodes.node(2).execute("CONFIG", "SET", "maxmemory", "1");
            LockAcquisitionException e = notAcquired(redlock, "errors:refused");
            assertThat(e.getMessage()).startsWith("RL1002")
                    .contains(name(nodes.node(1)) + ": read-only replica (READONLY You can't write against a read"
                            + " only replica)")
                    .contains(name(nodes.node(2)) + ": out of memory (OOM command not allowed when used memory > ")
                    .doesNotContain("channel:").doesNotContain("CommandData");
            assertThat(e.votes().get(1).error()).startsWith("read-only replica (READONLY");
            assertThat(e.votes().get(2).error()).startsWith("out of memory (OOM");
            nodes.node(2).execute("CONFIG", "SET", "maxmemory", "0");
        }
    }

    @Test
    void aPasswordChangedOnTheNodes_isAnAuthenticationFailure_withoutThePassword() {
        String admin = "adm1n-Errors-4Rt";
        String password = "l0cker-Errors-8Wq";
        try (RedisNodes nodes = RedisNodes.builder().count(3).password(admin).start()) {
            for (RedisNode n : nodes.nodes()) {
                n.execute("ACL", "SETUSER", "locker", "on", ">" + password, "~*", "&*", "+@all");
            }
            List<String> uris = nodes.nodes().stream()
                    .map(n -> "redis://locker:" + password + "@" + n.host() + ":" + n.port()).toList();
            try (Redlock redlock = Redlock.builder().nodes(uris).build()) {
                redlock.acquire(List.of("errors:warm"), LEASE_TIME).release();
                for (int i = 1; i < 3; i++) {
                    // a new password, and the engine's connections dropped: it reconnects with the old one
                    nodes.node(i).execute("ACL", "SETUSER", "locker", "resetpass", ">n3w-Errors-2Pz");
                    nodes.node(i).execute("CLIENT", "KILL", "USER", "locker");
                }
                // a command already on a connection being killed fails as a closed connection: the reconnects
                // that follow meet the new password
                LockAcquisitionException e = notAcquired(redlock, "errors:auth");
                for (int i = 0; i < 20 && !e.getMessage().matches("(?s).*authentication failed.*authentication.*"); i++) {
                    e = notAcquired(redlock, "errors:auth");
                }
                assertThat(e.getMessage()).startsWith("RL1002")
                        .contains(name(nodes.node(1)) + ": authentication failed (WRONGPASS")
                        .contains(name(nodes.node(2)) + ": authentication failed (WRONGPASS");
                assertThat(e.votes().get(1).error()).startsWith("authentication failed");
                assertThat(stackTrace(e) + e.votes()).doesNotContain(password).doesNotContain(admin);
            }
        }
    }

    private static LockAcquisitionException notAcquired(Redlock redlock, String key) {
        LockAcquisitionException e = catchThrowableOfType(
                () -> redlock.acquire(List.of(key), LEASE_TIME, Duration.ZERO), LockAcquisitionException.class);
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
        return e;
    }

    private static String name(RedisNode n) {
        return n.host() + ":" + n.port();
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
