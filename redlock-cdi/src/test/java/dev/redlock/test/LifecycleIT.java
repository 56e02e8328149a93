package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockLostException;
import dev.redlock.api.LockOptions;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** What happens to a held lock when the nodes or the container go away. */
@WithRedisNodes(count = 3, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class LifecycleIT {

    private static final Class<?>[] APP = {MetaRedlock.class};
    private static final String KEY = "redlock_demo:~:demo-student.name";

    @Test
    void majorityKilledWhileLocked_endsTheCallWithLockLostException(RedisNodes nodes) throws Exception {
        var config = Containers.config(String.join(",", nodes.uris()), "redlock.lease-time", "2s",
                "redlock.command-timeout", "300ms");
        try (WeldContainer c = Containers.boot(config, APP)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            CountDownLatch acquired = new CountDownLatch(1);
            CompletableFuture<String> call = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    call.complete(redlock.lock(Res.NAME, LockOptions.defaults(), session -> {
                        acquired.countDown();
                        session.lost().toCompletableFuture().get(30, TimeUnit.SECONDS);
                        return "finished after the loss";
                    }));
                } catch (Throwable e) {
                    call.completeExceptionally(e);
                }
            });
            t.start();
            assertThat(acquired.await(30, TimeUnit.SECONDS)).isTrue();
            nodes.node(0).kill();
            nodes.node(1).kill();

            assertThat(call).failsWithin(30, TimeUnit.SECONDS).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOf(LockLostException.class);
            t.join(10_000);
        }
    }

    @Test
    void majorityKilledBeforeLocking_lockFailsUnreachable_afterTheConfiguredTimeout(RedisNodes nodes) {
        var config = Containers.config(String.join(",", nodes.uris()), "redlock.unreachable-timeout", "500ms");
        try (WeldContainer c = Containers.boot(config, APP)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            nodes.node(0).kill();
            nodes.node(2).kill();
            // the default wait is "until granted": an outage must still end the call
            LockAcquisitionException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> redlock.lock(Res.NAME, LockOptions.defaults(), session -> "never"),
                    LockAcquisitionException.class);
            assertThat(e).as("lock must fail, not hang").isNotNull();
            assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
            assertThat(e.getMessage()).startsWith("RL1002").contains("unreachable timeout PT0.5S");
        }
    }

    @Test
    void containerShutdown_releasesHeldLocks(RedisNodes nodes) throws Exception {
        WeldContainer c = Containers.boot(Containers.config(String.join(",", nodes.uris())), APP);
        Hold hold;
        try {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            hold = Hold.start(body -> redlock.lock(Res.NAME, body));
            // a grant returns once a quorum agreed; the last node may answer a moment later
            assertThat(nodes.nodes().stream().filter(n -> n.keys(KEY).contains(KEY)).count())
                    .as("nodes holding %s", KEY).isGreaterThanOrEqualTo(2);
        } finally {
            c.close();
        }
        for (RedisNode node : nodes.nodes()) {
            assertThat(node.keys(KEY)).as("released on " + node.uri()).isEmpty();
        }
        hold.close(); // the body returns; the call ends however the closed engine decides
        hold.release().handle((v, e) -> null).get(30, TimeUnit.SECONDS);
    }
}
