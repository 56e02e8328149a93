package com.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** The engine without CDI, on three real Redis nodes from the testkit: the guide's "standalone engine" snippet. */
@WithRedisNodes(count = 3)
final class StandaloneEngineIT {

    @Test
    void acquireUsingAndTryAcquire(RedisNodes nodes) throws Exception {
        // tag::engine[]
        try (Redlock redlock = Redlock.builder().nodes(nodes.uris()).build()) {

            // acquire, work, release: a Lock is AutoCloseable
            try (Lock lock = redlock.acquire(List.of("invoice:42"), Duration.ofSeconds(30))) {
                long token = lock.fencingToken(); // strictly increasing per key: give it to the storage you write
                assertThat(token).isPositive();
            }

            // run a function under the lock, extended automatically while it runs
            String r = redlock.using(List.of("invoice:42"), Duration.ofSeconds(10), null, session -> {
                session.throwIfLost(); // a cheap check before a write
                return "some result";
            });

            // give up after a wait: empty when somebody else held it the whole time
            Optional<Lock> maybe = redlock.tryAcquire(List.of("invoice:42"), Duration.ofSeconds(30),
                    Duration.ofSeconds(2));
            maybe.ifPresent(Lock::release);
            // end::engine[]
            assertThat(r).isEqualTo("some result");
            assertThat(maybe).isPresent();
        }
    }
}
