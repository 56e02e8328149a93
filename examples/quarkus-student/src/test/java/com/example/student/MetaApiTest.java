package com.example.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.redlock.api.LockState;
import dev.redlock.core.Redlock;

/** On ArC: tryLock and isLocked of the generated, typed resources, and the default client's engine. */
@QuarkusTest
class MetaApiTest {

    @Inject
    MetaRedlock student;

    @Inject
    Redlock engine;

    @Test
    void tryLock_isEmptyWhileAnotherCallHoldsTheResource() throws Exception {
        CompletableFuture<Void> release = new CompletableFuture<>();
        CompletableFuture<Void> held = new CompletableFuture<>();
        CompletableFuture<String> holder = CompletableFuture.supplyAsync(() -> student.lock(MetaRedlock_.Lock.NAME,
                () -> {
                    held.complete(null);
                    return release.thenApply(v -> "held").join();
                }));
        try {
            held.get(30, TimeUnit.SECONDS);
            assertThat(student.isLocked(MetaRedlock_.Lock.NAME)).isEqualTo(LockState.HELD);
            Optional<String> missed = student.tryLock(MetaRedlock_.Lock.NAME, Duration.ZERO, session -> "ran");
            assertThat(missed).isEmpty();
        } finally {
            release.complete(null);
        }
        assertThat(holder.get(30, TimeUnit.SECONDS)).isEqualTo("held");
        assertThat(student.tryLock(MetaRedlock_.Lock.NAME, Duration.ZERO, session -> "ran")).contains("ran");
        assertThat(engine.nodes()).hasSize(3);
    }
}
