package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.api.HeldLock;
import dev.redlock.api.LockOptions;
import dev.redlock.api.MetaSlice;
import dev.redlock.cdi.Onion;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** Onion: the metas in effect under the active profile and config, and the locks held right now. */
@WithRedisNodes(count = 1)
final class InspectIT {

    private static final Class<?>[] APP = {MetaRedlock.class, dev.redlock.test.app.auth.MetaRedlock.class,
            dev.redlock.test.app.devonly.MetaRedlock.class, dev.redlock.test.app.off.MetaRedlock.class};

    private static List<String> names(WeldContainer c) {
        return c.select(Onion.class).get().meta().inspectMeta("redlock").stream().map(MetaSlice::name).toList();
    }

    @Test
    void inspectMeta_returnsAndLogsTheMetasInEffect(RedisNodes nodes) {
        try (LogCapture log = new LogCapture(Onion.class.getName());
                WeldContainer c = Containers.boot(Containers.config(nodes.node(0).uri()), APP)) {
            List<MetaSlice> slices = c.select(Onion.class).get().meta().inspectMeta("redlock");

            assertThat(slices).extracting(MetaSlice::name).containsExactly("a-auth:redlock", "demo-student:redlock");
            assertThat(slices.get(1)).isEqualTo(new MetaSlice("demo-student:redlock", "demo-student", "redlock",
                    MetaRedlock.class.getName(), List.of("name", "counter"), List.of("name", "user-{userId}"), true,
                    List.of(), "default"));
            assertThat(log.messages()).hasSize(1); // one record per call: the slices, then their names
            assertThat(log.messages().get(0)).startsWith("[\n  {\"name\": \"a-auth:redlock\", \"module\": \"a-auth\"")
                    .contains("\"isolateResources\": [\"name\", \"user-{userId}\"], \"enabled\": true, \"modes\": [],"
                            + " \"client\": \"default\"}")
                    .endsWith("}\n]\n[\n  \"a-auth:redlock\",\n  \"demo-student:redlock\"\n]");
        }
    }

    @Test
    void inspectLogLevel_setsTheLevelOfTheOneRecordPerCall(RedisNodes nodes) {
        Map<String, String> config = Containers.config(nodes.node(0).uri(), "redlock.inspect.log-level", "debug");
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(Onion.class.getName());
        java.util.logging.Level previous = logger.getLevel();
        logger.setLevel(java.util.logging.Level.ALL); // DEBUG is below the default INFO
        try (LogCapture log = new LogCapture(Onion.class.getName()); WeldContainer c = Containers.boot(config, APP)) {
            Onion onion = c.select(Onion.class).get();
            onion.meta().inspectMeta("redlock");
            onion.redlock().inspectLocks();
            assertThat(log.levels()).containsExactly(java.util.logging.Level.FINE, java.util.logging.Level.FINE);
        } finally {
            logger.setLevel(previous);
        }
    }

    @Test
    void modeRestrictedMeta_appearsOnlyUnderItsProfile(RedisNodes nodes) {
        Map<String, String> dev = Containers.config(nodes.node(0).uri(), "smallrye.config.profile", "dev");
        try (WeldContainer c = Containers.boot(dev, APP)) {
            assertThat(names(c)).containsExactly("a-auth:redlock", "a-dev-only:redlock", "demo-student:redlock");
        }
        Map<String, String> test = Containers.config(nodes.node(0).uri(), "smallrye.config.profile", "test");
        try (WeldContainer c = Containers.boot(test, APP)) {
            assertThat(names(c)).containsExactly("a-auth:redlock", "demo-student:redlock");
        }
    }

    @Test
    void configOverrides_enableDisableAndMode(RedisNodes nodes) {
        Map<String, String> config = Containers.config(nodes.node(0).uri(),
                "redlock.meta.\"demo-student:redlock\".enable", "false", "redlock.meta.\"a-off:redlock\".enable",
                "true", "redlock.meta.\"a-dev-only:redlock\".mode", "*");
        try (WeldContainer c = Containers.boot(config, APP)) {
            assertThat(names(c)).containsExactly("a-auth:redlock", "a-dev-only:redlock", "a-off:redlock");
            MetaRedlock disabled = c.select(MetaRedlock.class).get();
            assertThatThrownBy(() -> disabled.lock(Res.NAME, () -> "never")).isInstanceOf(IllegalStateException.class)
                    .hasMessage("RL2020: demo-student:redlock: meta is not in effect (disabled); enable it with"
                            + " @Meta(enable = true, mode = ...) or redlock.meta.\"demo-student:redlock\".enable");
            var devOnly = c.select(dev.redlock.test.app.devonly.MetaRedlock.class).get();
            assertThat(devOnly.lock(Res.NAME, () -> "locked")).isEqualTo("locked");
        }
    }

    @Test
    void inspectMeta_badKinds(RedisNodes nodes) {
        try (WeldContainer c = Containers.boot(Containers.config(nodes.node(0).uri()), APP)) {
            Onion.MetaService meta = c.select(Onion.class).get().meta();
            assertThatThrownBy(() -> meta.inspectMeta(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("kind must not be null or blank, was null; use a meta name such as 'redlock'");
            assertThatThrownBy(() -> meta.inspectMeta(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("was ' '");
            assertThatThrownBy(() -> meta.inspectMeta("version")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("RL2030: inspectMeta: unknown meta kind 'version'; known kinds are [redlock]");
        }
    }

    @Test
    void liveView_showsAHeldLockWhileHeldAndNotAfter(RedisNodes nodes) throws Exception {
        Map<String, String> config = Containers.config(nodes.node(0).uri(), "redlock.modules.\"demo-student\".lease-time",
                "20s");
        try (LogCapture log = new LogCapture(Onion.class.getName()); WeldContainer c = Containers.boot(config, APP)) {
            Onion onion = c.select(Onion.class).get();
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            String key = "redlock_demo:~:demo-student.user-7";
            try (Hold hold = Hold.start(body -> redlock.lockIsolate(Res.user("7"), body))) {
                List<HeldLock> locks = onion.redlock().inspectLocks();
                assertThat(locks).extracting(HeldLock::key).containsExactly(key);
                HeldLock held = locks.get(0);
                assertThat(held.fencingToken()).isPositive();
                assertThat(held.remainingTtl()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20)); // the module's lease time
                assertThat(held.owner()).isNotBlank();
                assertThat(log.messages()).last().asString().endsWith("\n[\n  \"" + key + "\"\n]");
                hold.release().get(30, TimeUnit.SECONDS);
            }
            assertThat(onion.redlock().inspectLocks()).isEmpty();
            assertThat(log.messages()).last().isEqualTo("[]\n[]");
        }
    }

    @Test
    void nestedLockOfAHeldResource_failsAtOnce_andUndeclaredResourcesAreRejected(RedisNodes nodes) {
        Map<String, String> config = Containers.config(nodes.node(0).uri(), "redlock.clients.short.lease-time", "5s");
        try (WeldContainer c = Containers.boot(config, APP)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            String inner = redlock.lock(Res.NAME, () -> {
                assertThatThrownBy(() -> redlock.lock(Res.NAME, () -> "nested"))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageStartingWith("RL2021: demo-student:redlock: lock 'redlock_demo:~:demo-student.name'"
                                + " is already held by this thread");
                assertThatThrownBy(() -> redlock.lock(Res.NAME, LockOptions.builder().client("short").build(),
                        session -> "nested on another client")).hasMessageStartingWith("RL2021:");
                return redlock.lock(Res.COUNTER, () -> "other resource");
            });
            assertThat(inner).isEqualTo("other resource");
            assertThat(redlock.lock(Res.NAME, () -> "again")).isEqualTo("again");
            assertThatThrownBy(() -> redlock.lock(Res.of("session"), () -> "x"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("RL2023: demo-student:redlock#lock: resource 'session' is not declared, was expecting"
                            + " one of [name, counter]; declare it in @RedlockResources");

            LockOptions onShort = LockOptions.builder().client("short").build();
            Duration validity = redlock.lock(Res.NAME, onShort, session -> session.remainingValidity());
            assertThat(validity).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5)); // the client's lease time
            Duration perCall = redlock.lock(Res.NAME, onShort.withLeaseTime(Duration.ofSeconds(3)),
                    session -> session.remainingValidity());
            assertThat(perCall).isLessThanOrEqualTo(Duration.ofSeconds(3));
            assertThatThrownBy(() -> redlock.lock(Res.NAME, LockOptions.builder().client("nope").build(),
                    session -> "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("RL2022: demo-student:redlock: unknown client 'nope'; configured clients are"
                            + " [default, short]");
        }
    }
}
