package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.util.TypeLiteral;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockState;
import dev.redlock.cdi.InModule;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.engines.EngineUser;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.test.app.student.StudentController;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** The meta bean's methods beyond lock and lockIsolate, each against three real nodes. */
@WithRedisNodes(count = 3)
final class MetaApiIT {

    private static final String NAME_KEY = "*demo-student.name";
    private static final String COUNTER_KEY = "*demo-student.counter";

    private static WeldContainer boot(RedisNodes nodes, String... config) {
        return Containers.boot(Containers.config(String.join(",", nodes.uris()), config), MetaRedlock.class,
                dev.redlock.test.app.auth.MetaRedlock.class, StudentController.class);
    }

    @Test
    void lockWithTheSession_seesItsFencingTokenAndTheKeyOnTheServers(RedisNodes nodes) {
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            long first = redlock.lock(Res.NAME, session -> {
                assertThat(nodes.node(0).keys(NAME_KEY)).hasSize(1);
                assertThat(session.lost()).isNotCompleted();
                return session.fencingToken();
            });
            long second = redlock.lock(Res.NAME, session -> session.fencingToken());
            assertThat(first).isPositive();
            assertThat(second).isGreaterThan(first);
            assertThat(nodes.node(0).keys(NAME_KEY)).isEmpty();
        }
    }

    @Test
    void tryLock_isEmptyWithinItsWaitWhileAnotherHolderKeepsTheResource_andRunsOnceFree(RedisNodes nodes)
            throws Exception {
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            try (Hold hold = Hold.start(body -> redlock.lock(Res.NAME, body))) {
                Optional<String> missed = redlock.tryLock(Res.NAME, Duration.ofMillis(300), session -> "ran");
                assertThat(missed).isEmpty();
                hold.release().get(30, TimeUnit.SECONDS);
            }
            assertThat(redlock.tryLock(Res.NAME, Duration.ZERO, session -> "ran")).contains("ran");
            assertThatThrownBy(() -> redlock.tryLock(Res.NAME, Duration.ZERO, session -> null))
                    .isInstanceOf(NullPointerException.class).hasMessageContaining("fn returned null");
        }
    }

    @Test
    void tryLock_throwsWhenTheNodesAreUnreachable(RedisNodes nodes) {
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            nodes.node(1).kill();
            nodes.node(2).kill();
            assertThatThrownBy(() -> redlock.tryLock(Res.NAME, Duration.ZERO, session -> "ran"))
                    .isInstanceOfSatisfying(LockAcquisitionException.class,
                            e -> assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE));
        } finally {
            nodes.node(1).restart();
            nodes.node(2).restart();
        }
    }

    @Test
    void multiResourceLock_holdsAllKeys_orNoneWhenOneIsHeld(RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes, "redlock.wait-time", "300ms")) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            String both = redlock.lock(List.of(Res.NAME, Res.COUNTER), session -> {
                assertThat(session.keys()).hasSize(2);
                return nodes.node(0).keys(NAME_KEY).size() + "," + nodes.node(0).keys(COUNTER_KEY).size();
            });
            assertThat(both).isEqualTo("1,1");
            try (Hold hold = Hold.start(body -> redlock.lock(Res.COUNTER, body))) {
                assertThatThrownBy(() -> redlock.lock(List.of(Res.NAME, Res.COUNTER), session -> "ran"))
                        .isInstanceOf(LockAcquisitionException.class);
                for (RedisNode node : nodes.nodes()) {
                    assertThat(node.keys(NAME_KEY)).as("none: the free resource is not kept").isEmpty();
                }
                hold.release().get(30, TimeUnit.SECONDS);
            }
            assertThatThrownBy(() -> redlock.lock(List.of(Res.NAME, Res.NAME), session -> "ran"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
            assertThatThrownBy(() -> redlock.lock(List.<Res>of(), session -> "ran"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        }
    }

    @Test
    void lockAsync_holdsTheLockUntilTheStageCompletes(RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            CompletableFuture<String> work = new CompletableFuture<>();
            CompletableFuture<Void> started = new CompletableFuture<>();
            CompletionStage<String> result = redlock.lockAsync(Res.NAME, session -> {
                started.complete(null);
                return work;
            });
            started.get(30, TimeUnit.SECONDS);
            assertThat(nodes.node(0).keys(NAME_KEY)).as("held while the work runs").hasSize(1);
            assertThat(redlock.isLocked(Res.NAME)).isEqualTo(LockState.HELD);
            work.complete("done");
            assertThat(result.toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(nodes.node(0).keys(NAME_KEY)).as("released before the result").isEmpty();
        }
    }

    @Test
    void lockIsolateAsync_runsTheFunctionOnTheExecutorUnderTheLock(RedisNodes nodes) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "isolated-worker"));
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            String ran = redlock.lockIsolateAsync(Res.user("u7"), executor, session -> {
                assertThat(nodes.node(0).keys("*demo-student.user-u7")).hasSize(1);
                return Thread.currentThread().getName();
            }).toCompletableFuture().get(30, TimeUnit.SECONDS);
            assertThat(ran).isEqualTo("isolated-worker");
            assertThat(nodes.node(0).keys("*demo-student.user-u7")).isEmpty();
            CompletionStage<Object> failing = redlock.lockIsolateAsync(Res.NAME, executor, session -> {
                throw new java.io.IOException("disk full");
            });
            assertThatThrownBy(() -> failing.toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(java.io.IOException.class);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void isLocked_isFreeHeldOrHeldOnAMinority(RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            assertThat(redlock.isLocked(Res.NAME)).isEqualTo(LockState.FREE);
            try (Hold hold = Hold.start(body -> redlock.lock(Res.NAME, body))) {
                assertThat(redlock.isLocked(Res.NAME)).isEqualTo(LockState.HELD);
                assertThat(redlock.isLockedIsolate(Res.NAME)).as("the same key").isEqualTo(LockState.HELD);
                String key = nodes.node(0).keys(NAME_KEY).get(0);
                nodes.node(1).execute("DEL", key);
                nodes.node(2).execute("DEL", key);
                assertThat(redlock.isLocked(Res.NAME)).as("the key on one of three nodes")
                        .isEqualTo(LockState.HELD_ON_MINORITY);
                hold.close(); // the holder may end with a lost lock: the keys were taken from under it
                hold.release().handle((v, e) -> null).get(60, TimeUnit.SECONDS);
            }
            Hold.await("the minority key to go", () -> redlock.isLocked(Res.NAME) == LockState.FREE);
        }
    }

    @Test
    void engines_areInjectedByClient(RedisNodes nodes) {
        try (WeldContainer c = Containers.boot(Containers.config(String.join(",", nodes.uris()),
                "redlock.clients.other.nodes", nodes.node(2).uri()), EngineUser.class)) {
            EngineUser user = c.select(EngineUser.class).get();
            assertThat(user.defaultEngine().nodes()).hasSize(3);
            assertThat(user.otherEngine().nodes()).containsExactly(nodes.node(2).host() + ":" + nodes.node(2).port());
            assertThat(user.otherEngine().lockState("plain-key")).isEqualTo(LockState.FREE);
        }
    }

    @Test
    void typedAccessAcrossModules_andTheUntypedBase(RedisNodes nodes) {
        try (WeldContainer c = boot(nodes)) {
            // another module's meta, injected by its class: resources typed as that meta's
            dev.redlock.test.app.auth.MetaRedlock auth = c.select(dev.redlock.test.app.auth.MetaRedlock.class).get();
            String key = auth.lock(Res.SESSION, session -> session.keys().get(0));
            assertThat(key).endsWith(":a-auth.session");
            BeanRedlockBase<?, ?> untyped = c.select(new TypeLiteral<BeanRedlockBase<?, ?>>() {
            }, InModule.Literal.of("a-auth")).get();
            assertThat(untyped.inspect().name()).isEqualTo("a-auth:redlock");
            assertThat(untyped.inspect().lockResources()).containsExactly("session", "counter");
        }
    }
}
