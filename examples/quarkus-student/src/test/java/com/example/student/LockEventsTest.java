package com.example.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.redlock.cdi.RedlockEvent;
import dev.redlock.cdi.RedlockEvent.Kind;

/** On ArC, the meta bean's lock events reach synchronous and asynchronous observers qualified by meta. */
@QuarkusTest
class LockEventsTest {

    @Inject
    MetaRedlock student;

    @Inject
    LockEventLog log;

    @Test
    void aLockCall_firesAcquiredAndReleased_withOneLockId() throws Exception {
        String user = "events-" + System.nanoTime();
        long token = student.lockIsolate(MetaRedlock_.Isolate.user(user),
                dev.redlock.api.IsolateOptions.defaults(), session -> session.fencingToken());

        List<RedlockEvent> mine = log.events.stream().filter(e -> e.key().endsWith(".user-" + user)).toList();
        assertThat(mine).extracting(RedlockEvent::kind).containsExactly(Kind.ACQUIRED, Kind.RELEASED);
        assertThat(mine).allSatisfy(e -> {
            assertThat(e.meta()).isEqualTo("demo-student:redlock");
            assertThat(e.module()).isEqualTo("demo-student");
            assertThat(e.resource()).isEqualTo("user-{userId}");
            assertThat(e.fencingToken()).isEqualTo(token);
            assertThat(e.lockId()).isEqualTo(mine.get(0).lockId());
        });
        int seen = 0;
        while (seen < 2) {
            RedlockEvent e = log.async.poll(30, TimeUnit.SECONDS);
            assertThat(e).as("the asynchronous observer's events").isNotNull();
            if (e.lockId().equals(mine.get(0).lockId())) {
                seen++;
            }
        }
    }
}
