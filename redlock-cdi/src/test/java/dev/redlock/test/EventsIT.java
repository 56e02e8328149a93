package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.api.IsolateOptions;
import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.LockLostException;
import dev.redlock.api.LockOptions;
import dev.redlock.cdi.RedlockEvent;
import dev.redlock.cdi.RedlockEvent.Kind;
import dev.redlock.test.app.EventLog;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.auth.AuthController;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** The meta beans' lock events reach CDI observers, sync and async, selected by module and meta qualifiers. */
@WithRedisNodes(count = 3)
final class EventsIT {

    @Test
    void aNormalCall_firesAcquiredThenReleased_toQualifiedAndAsyncObservers(RedisNodes nodes) throws Exception {
        try (WeldContainer c = Containers.boot(Containers.config(String.join(",", nodes.uris())),
                MetaRedlock.class, dev.redlock.test.app.auth.MetaRedlock.class, AuthController.class,
                EventLog.class)) {
            EventLog log = c.select(EventLog.class).get();
            long token = c.select(MetaRedlock.class).get().lockIsolate(Res.user("u1"), IsolateOptions.defaults(),
                    session -> session.fencingToken());

            assertThat(log.student).extracting(RedlockEvent::kind).containsExactly(Kind.ACQUIRED, Kind.RELEASED);
            assertThat(log.all).containsExactlyElementsOf(log.student);
            assertThat(log.auth).as("another module's observer").isEmpty();
            RedlockEvent acquired = log.student.get(0);
            RedlockEvent released = log.student.get(1);
            assertThat(acquired.client()).isEqualTo("default");
            assertThat(acquired.module()).isEqualTo("demo-student");
            assertThat(acquired.meta()).isEqualTo("demo-student:redlock");
            assertThat(acquired.resource()).as("the declared template, not the argument").isEqualTo("user-{userId}");
            assertThat(acquired.key()).endsWith("demo-student.user-u1");
            assertThat(acquired.fencingToken()).isEqualTo(token).isPositive();
            assertThat(acquired.reason()).isNull();
            assertThat(acquired.error()).isNull();
            assertThat(released.lockId()).as("one session").isEqualTo(acquired.lockId());
            assertThat(released.fencingToken()).isEqualTo(token);

            RedlockEvent first = log.async.poll(30, TimeUnit.SECONDS);
            RedlockEvent second = log.async.poll(30, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(second).isNotNull();
            assertThat(List.of(first, second)).containsExactlyInAnyOrderElementsOf(log.student);

            c.select(AuthController.class).get().increment();
            assertThat(log.auth).extracting(RedlockEvent::kind).containsExactly(Kind.ACQUIRED, Kind.RELEASED);
            assertThat(log.auth.get(0).meta()).isEqualTo("a-auth:redlock");
            assertThat(log.student).as("the student meta's observer").hasSize(2);
        }
    }

    @Test
    void aHeldResource_firesAcquisitionFailedWithReasonHeld(RedisNodes nodes) throws Exception {
        try (WeldContainer c = Containers.boot(Containers.config(String.join(",", nodes.uris())),
                MetaRedlock.class, EventLog.class)) {
            EventLog log = c.select(EventLog.class).get();
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            try (Hold hold = Hold.start(body -> redlock.lock(Res.NAME, body))) {
                assertThatThrownBy(() -> redlock.lock(Res.NAME, LockOptions.defaults().withWaitTime(Duration.ZERO),
                        s -> "never")).isInstanceOf(LockAcquisitionException.class);
                hold.release().get(30, TimeUnit.SECONDS);
            }
            RedlockEvent failed = log.student.stream().filter(e -> e.kind() == Kind.ACQUISITION_FAILED)
                    .findFirst().orElseThrow();
            assertThat(failed.reason()).isEqualTo("HELD");
            assertThat(failed.fencingToken()).isZero();
            assertThat(failed.resource()).isEqualTo("name");
            assertThat(failed.error()).isInstanceOf(LockAcquisitionException.class);
        }
    }

    @Test
    void killingTheMajorityDuringALongBody_firesLostWithTheReason(RedisNodes nodes) throws Exception {
        try (WeldContainer c = Containers.boot(Containers.config(String.join(",", nodes.uris()),
                "redlock.lease-time", "2s"), MetaRedlock.class, EventLog.class)) {
            EventLog log = c.select(EventLog.class).get();
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            assertThatThrownBy(() -> redlock.lock(Res.NAME, LockOptions.defaults(), session -> {
                nodes.node(0).kill();
                nodes.node(1).kill();
                return session.lost().toCompletableFuture().get(60, TimeUnit.SECONDS);
            })).isInstanceOf(LockLostException.class);

            RedlockEvent lost = log.student.stream().filter(e -> e.kind() == Kind.LOST).findFirst().orElseThrow();
            RedlockEvent acquired = log.student.get(0);
            assertThat(acquired.kind()).isEqualTo(Kind.ACQUIRED);
            assertThat(lost.lockId()).isEqualTo(acquired.lockId());
            assertThat(lost.reason()).isNotBlank().doesNotContain("demo-student.name");
            assertThat(lost.error()).isInstanceOf(LockLostException.class);
            assertThat(log.student).extracting(RedlockEvent::kind).doesNotContain(Kind.RELEASED);
        } finally {
            nodes.node(0).restart(); // the nodes serve the other tests of this class
            nodes.node(1).restart();
        }
    }
}
