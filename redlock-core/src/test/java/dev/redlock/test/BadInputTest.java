package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.redlock.core.Redlock;

/** Every bad setting or argument fails with a clear JDK exception naming it and the bad value. No Redis needed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BadInputTest {

    private static final List<String> NOWHERE = List.of("redis://127.0.0.1:1");
    private Redlock redlock;

    @BeforeAll
    void start() {
        redlock = Redlock.builder().nodes(NOWHERE).build(); // lazy: never connects in this test
    }

    @AfterAll
    void stop() {
        redlock.close();
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                bad("no nodes", b -> {
                }, IllegalStateException.class, "nodes must not be empty"),
                bad("empty nodes", b -> b.nodes(List.of()), IllegalStateException.class, "nodes must not be empty"),
                bad("null nodes", b -> b.nodes(null), NullPointerException.class, "nodes"),
                bad("null node", b -> b.nodes(Arrays.asList((String) null)), NullPointerException.class,
                        "nodes[0]"),
                bad("malformed URI", b -> b.nodes(List.of("redis://ho st:6379")), IllegalArgumentException.class,
                        "nodes[0] must be a Redis URI such as redis://host:6379, was 'redis://ho st:6379'"),
                bad("bad port", b -> b.nodes(List.of("redis://host:port:x")), IllegalArgumentException.class,
                        "nodes[0] must name a host"),
                bad("bad database", b -> b.nodes(List.of("redis://host:6379/x")), IllegalArgumentException.class,
                        "nodes[0] must have a database number"),
                bad("wrong scheme", b -> b.nodes(List.of("http://localhost:6379")), IllegalArgumentException.class,
                        "scheme redis or rediss"),
                bad("no host", b -> b.nodes(List.of("redis://:6379")), IllegalArgumentException.class,
                        "nodes[0] must name a host"),
                bad("password is masked", b -> b.nodes(List.of("redis://:secret@ho st:6379")),
                        IllegalArgumentException.class, "***@"),
                bad("driftFactor > 0.1", b -> b.nodes(NOWHERE).driftFactor(0.2), IllegalArgumentException.class,
                        "driftFactor must be in [0, 0.1], was 0.2"),
                bad("driftFactor < 0", b -> b.nodes(NOWHERE).driftFactor(-0.01), IllegalArgumentException.class,
                        "driftFactor must be in [0, 0.1], was -0.01"),
                bad("driftFactor NaN", b -> b.nodes(NOWHERE).driftFactor(Double.NaN), IllegalArgumentException.class,
                        "was NaN"),
                bad("retryCount < -1", b -> b.nodes(NOWHERE).retryCount(-2), IllegalArgumentException.class,
                        "retryCount must be -1 (until the deadline) or more, was -2"),
                bad("negative retryDelay", b -> b.nodes(NOWHERE).retryDelay(Duration.ofMillis(-1)),
                        IllegalArgumentException.class, "retryDelay must not be negative, was PT-0.001S"),
                bad("negative retryJitter", b -> b.nodes(NOWHERE).retryJitter(Duration.ofMillis(-1)),
                        IllegalArgumentException.class, "retryJitter must not be negative"),
                bad("zero commandTimeout", b -> b.nodes(NOWHERE).commandTimeout(Duration.ZERO),
                        IllegalArgumentException.class, "commandTimeout must be positive (at least 1 ms), was PT0S"),
                bad("zero threshold", b -> b.nodes(NOWHERE).automaticExtensionThreshold(Duration.ZERO),
                        IllegalArgumentException.class, "automaticExtensionThreshold must be positive"),
                bad("zero maxTtl", b -> b.nodes(NOWHERE).maxTtl(Duration.ZERO), IllegalArgumentException.class,
                        "maxTtl must be positive"),
                bad("zero heartbeat", b -> b.nodes(NOWHERE).fifoHeartbeatTimeout(Duration.ZERO),
                        IllegalArgumentException.class, "fifoHeartbeatTimeout must be positive"),
                bad("zero pool", b -> b.nodes(NOWHERE).connectionPoolSize(0), IllegalArgumentException.class,
                        "connectionPoolSize must be positive, was 0"),
                bad("null retryDelay", b -> b.retryDelay(null), NullPointerException.class, "retryDelay"),
                bad("uris and clients", b -> b.nodes(NOWHERE).clients(List.of(
                        org.redisson.Redisson.create(lazyConfig()))), IllegalStateException.class,
                        "either nodes or clients"));
    }

    private static org.redisson.config.Config lazyConfig() {
        org.redisson.config.Config c = new org.redisson.config.Config();
        c.setLazyInitialization(true);
        c.useSingleServer().setAddress("redis://127.0.0.1:1");
        return c;
    }

    private static Arguments bad(String name, Consumer<Redlock.Builder> setup, Class<? extends Throwable> type,
            String message) {
        return Arguments.of(name, setup, type, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSettings")
    void build_rejects(String name, Consumer<Redlock.Builder> setup, Class<? extends Throwable> type,
            String message) {
        assertThatThrownBy(() -> {
            Redlock.Builder b = Redlock.builder();
            setup.accept(b);
            b.build().close();
        }).isInstanceOf(type).hasMessageContaining(message).hasMessageNotContaining("secret");
    }

    static Stream<Arguments> badArguments() {
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        Duration ttl = Duration.ofSeconds(1);
        return Stream.of(
                Arguments.of("null keys", (Consumer<Redlock>) r -> r.acquire(null, ttl), NullPointerException.class,
                        "keys"),
                Arguments.of("empty keys", (Consumer<Redlock>) r -> r.acquire(List.of(), ttl),
                        IllegalArgumentException.class, "keys must not be empty, was []"),
                Arguments.of("null key", (Consumer<Redlock>) r -> r.acquire(withNull, ttl),
                        NullPointerException.class, "keys[0]"),
                Arguments.of("blank key", (Consumer<Redlock>) r -> r.acquire(List.of("a", " "), ttl),
                        IllegalArgumentException.class, "keys[1] must not be blank, was ' '"),
                Arguments.of("repeated key", (Consumer<Redlock>) r -> r.acquire(List.of("a", "a"), ttl),
                        IllegalArgumentException.class, "keys must not repeat a key"),
                Arguments.of("zero ttl", (Consumer<Redlock>) r -> r.acquire(List.of("a"), Duration.ZERO),
                        IllegalArgumentException.class, "ttl must be positive (at least 1 ms), was PT0S"),
                Arguments.of("negative ttl", (Consumer<Redlock>) r -> r.acquire(List.of("a"), Duration.ofSeconds(-1)),
                        IllegalArgumentException.class, "ttl must be positive (at least 1 ms), was PT-1S"),
                Arguments.of("null ttl", (Consumer<Redlock>) r -> r.acquire(List.of("a"), null),
                        NullPointerException.class, "ttl"),
                Arguments.of("negative wait",
                        (Consumer<Redlock>) r -> r.tryAcquire(List.of("a"), ttl, Duration.ofSeconds(-1)),
                        IllegalArgumentException.class, "wait must not be negative, was PT-1S"),
                Arguments.of("null wait", (Consumer<Redlock>) r -> r.tryAcquire(List.of("a"), ttl, null),
                        NullPointerException.class, "wait"),
                Arguments.of("blank isLocked key", (Consumer<Redlock>) r -> r.isLocked(""),
                        IllegalArgumentException.class, "key must not be blank"),
                Arguments.of("null using fn", (Consumer<Redlock>) r -> r.using(List.of("a"), ttl, null, null),
                        NullPointerException.class, "fn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void calls_reject(String name, Consumer<Redlock> call, Class<? extends Throwable> type, String message) {
        assertThatThrownBy(() -> call.accept(redlock)).isInstanceOf(type).hasMessageContaining(message);
    }
}
