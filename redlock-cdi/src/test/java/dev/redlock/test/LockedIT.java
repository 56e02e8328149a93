package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.test.locked.LockedService;
import dev.redlock.test.locked.MetaRedlock;
import dev.redlock.test.locked.nonames.NoNamesService;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** {@code @Locked} methods on real nodes: mutual exclusion, the key built from the parameters, async holders. */
@WithRedisNodes(count = 1)
final class LockedIT {

    private static final Class<?>[] APP = {MetaRedlock.class, LockedService.class, NoNamesService.class};

    private static WeldContainer boot(RedisNode node) {
        return Containers.boot(Containers.config(node.uri()), APP);
    }

    /** Runs {@code threads} × {@code calls} increments on {@code pool}; returns the counter. */
    private static int hammer(LockedService service, ExecutorService pool, int threads, int calls) throws Exception {
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < calls; i++) {
                        service.increment();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            return service.counter();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixteenThreads_hundredCallsEach_countExactly(RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes.node(0))) {
            assertThat(hammer(c.select(LockedService.class).get(), Executors.newFixedThreadPool(16), 16, 100))
                    .isEqualTo(1600);
        }
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void virtualThreads_countExactly(RedisNodes nodes) throws Exception {
        // by reflection: the tests compile for Java 17
        ExecutorService virtual = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
                .invoke(null);
        try (WeldContainer c = boot(nodes.node(0))) {
            assertThat(hammer(c.select(LockedService.class).get(), virtual, 16, 50)).isEqualTo(800);
        }
    }

    /** A locked call that tells {@code entered} once inside, then waits for {@code release}. */
    interface HeldCall {
        String call(CountDownLatch entered, CountDownLatch release) throws Exception;
    }

    /** Runs {@code call} on another thread; while it is inside, exactly {@code key} is on the node; then released. */
    private static void expectKeyWhileHeld(RedisNode node, String key, String result, HeldCall call)
            throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> uncheck(
                () -> call.call(entered, release)));
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("the method runs").isTrue();
        assertThat(node.keys("redlock_demo:*")).as("while the method runs").containsExactly(key);
        release.countDown();
        assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(result);
        assertThat(node.keys("redlock_demo:*")).as("after the method returned").isEmpty();
    }

    @Test
    void template_locksTheKeyBuiltFromTheParameter(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = boot(node)) {
            LockedService service = c.select(LockedService.class).get();
            expectKeyWhileHeld(node, "redlock_demo:~:locked-app.user-42", "updated 42",
                    (entered, release) -> service.update(entered, 42, release));
        }
    }

    @Test
    void isolate_withInstance_locksTheIsolateKeyOfTheTenant(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = boot(node)) {
            LockedService service = c.select(LockedService.class).get();
            expectKeyWhileHeld(node, "redlock_demo:tenant-1:locked-app.report-2026", "report 2026",
                    (entered, release) -> service.report(2026, entered, release));
        }
    }

    @Test
    void lockArg_mapsThePlaceholder_inAClassCompiledWithoutParameterNames(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = boot(node)) {
            NoNamesService service = c.select(NoNamesService.class).get();
            assertThat(NoNamesService.class.getMethod("update", CountDownLatch.class, String.class,
                    CountDownLatch.class).getParameters()[1].isNamePresent()).as("compiled without -parameters")
                    .isFalse();
            expectKeyWhileHeld(node, "redlock_demo:~:locked-app.user-u7", "updated u7",
                    (entered, release) -> service.update(entered, "u7", release));
        }
    }

    @Test
    void badArgumentValue_failsTheCallBeforeLocking(RedisNodes nodes) {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = boot(node)) {
            NoNamesService service = c.select(NoNamesService.class).get();
            CountDownLatch entered = new CountDownLatch(1);
            assertThatThrownBy(() -> service.update(entered, "a{b", new CountDownLatch(0)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("resource template 'user-{userId}': placeholder {userId}");
            assertThat(entered.getCount()).as("the method did not run").isEqualTo(1);
            assertThat(node.keys("redlock_demo:*")).isEmpty();
        }
    }

    @Test
    void asyncMethod_holdsTheLockUntilItsStageCompletes(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = boot(node)) {
            LockedService service = c.select(LockedService.class).get();
            CompletableFuture<String> stage = new CompletableFuture<>();
            CompletableFuture<String> result = service.async(stage);

            assertThat(node.keys("redlock_demo:*")).containsExactly("redlock_demo:~:locked-app.slow");
            assertThatThrownBy(() -> secondCaller(service)).hasCauseInstanceOf(LockAcquisitionException.class);
            assertThat(result).isNotDone();

            stage.complete("done");
            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo("done");
            assertThat(node.keys("redlock_demo:*")).isEmpty();
            assertThat(secondCaller(service)).isEqualTo("got it");
        }
    }

    @Test
    void asyncMethod_failedStage_releasesAndPassesTheFailureOn(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = boot(node)) {
            LockedService service = c.select(LockedService.class).get();
            CompletableFuture<String> stage = new CompletableFuture<>();
            CompletionStage<String> result = service.asyncStage(stage);
            assertThatThrownBy(() -> secondCaller(service)).hasCauseInstanceOf(LockAcquisitionException.class);

            stage.completeExceptionally(new IllegalStateException("boom"));
            assertThatThrownBy(() -> result.toCompletableFuture().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasRootCauseMessage("boom");
            assertThat(secondCaller(service)).isEqualTo("got it");
        }
    }

    /** One attempt at {@code slow} from another thread; an ExecutionException with the cause if it failed. */
    private static String secondCaller(LockedService service) throws Exception {
        return CompletableFuture.supplyAsync(service::tryNow).get(30, TimeUnit.SECONDS);
    }

    interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T uncheck(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
