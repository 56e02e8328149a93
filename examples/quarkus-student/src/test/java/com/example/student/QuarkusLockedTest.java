package com.example.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.redlock.api.HeldLock;
import dev.redlock.cdi.Onion;

/** {@code @Locked} on Quarkus ArC: the interceptor, its binding and the build-time plan, on the three local nodes. */
@QuarkusTest
class QuarkusLockedTest {

    @Inject
    LockedVisits visits;

    @Inject
    Onion onion;

    @Test
    void lockedMethod_locksTheUsersIsolateKey() {
        AtomicReference<List<String>> held = new AtomicReference<>();
        visits.visit("42", () -> held.set(onion.redlock().inspectLocks().stream().map(HeldLock::key).toList()));
        assertThat(held.get()).contains("redlock_demo_local:campus:demo-student.user-42");
    }

    @Test
    void eightThreads_fiftyVisitsEach_countExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    int last = 0;
                    for (int i = 0; i < 50; i++) {
                        last = visits.visit("counted", () -> {
                        });
                    }
                    return last;
                }));
            }
            int max = 0;
            for (Future<Integer> f : done) {
                max = Math.max(max, f.get(120, TimeUnit.SECONDS));
            }
            assertThat(max).isEqualTo(400);
        } finally {
            pool.shutdownNow();
        }
    }
}
