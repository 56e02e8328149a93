package dev.redlock.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

final class AwaitTest {

    @Test
    void returnsOnceTheConditionHolds() throws InterruptedException {
        AtomicInteger polls = new AtomicInteger();
        Await.until("the third poll", () -> polls.incrementAndGet() == 3);
        assertThat(polls).hasValue(3);
    }

    @Test
    void failsNamingTheConditionWhenItNeverHolds() {
        assertThatThrownBy(() -> Await.until("the impossible", Duration.ofMillis(60), () -> false))
                .isInstanceOf(AssertionError.class).hasMessage("not met within 0 s: the impossible");
    }
}
