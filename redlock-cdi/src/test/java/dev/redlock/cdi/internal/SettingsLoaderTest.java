package dev.redlock.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.assertj.core.api.ListAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.PropertiesConfigSource;

/** Every setting: its default, its override, and each bad value failing with a message naming the property. */
final class SettingsLoaderTest {

    private static SettingsLoader.Result load(String... keyValues) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("redlock.nodes", "redis://127.0.0.1:7001,redis://127.0.0.1:7002,redis://127.0.0.1:7003");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        props.values().removeIf(String::isEmpty);
        return SettingsLoader.load(SettingsLoader.builder(SettingsLoaderTest.class.getClassLoader())
                .withSources(new PropertiesConfigSource(props, "SettingsLoaderTest", 1000)));
    }

    private static Settings settings(String... keyValues) {
        SettingsLoader.Result r = load(keyValues);
        assertThat(r.problems()).extracting(Throwable::getMessage).isEmpty();
        return r.settings();
    }

    private static ListAssert<String> problems(String... keyValues) {
        SettingsLoader.Result r = load(keyValues);
        assertThat(r.settings()).isNull();
        return assertThat(r.problems().stream().map(DeploymentException::getMessage).toList());
    }

    @Test
    void defaults() {
        Settings s = settings();
        assertThat(s.appName()).isEqualTo("app");
        assertThat(s.keyPrefix()).isEqualTo("redlock_app:");
        ClientSettings c = s.clients().get("default");
        assertThat(c.nodes()).extracting(ClientSettings.NodeAddress::uri).containsExactly("redis://127.0.0.1:7001",
                "redis://127.0.0.1:7002", "redis://127.0.0.1:7003");
        assertThat(c.leaseTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.waitTime()).isNull();
        assertThat(c.driftFactor()).isEqualTo(0.01);
        assertThat(c.retryCount()).isEqualTo(-1);
        assertThat(c.retryDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.retryJitter()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.extensionThreshold()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.fifo()).isFalse();
        assertThat(c.commandTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.unreachableTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.tls().verifyHostname()).isTrue();
    }

    @Test
    void profiles_setTheLeaseTimeAndTheLocalPrefix() {
        Settings dev = settings("smallrye.config.profile", "dev", "redlock.app-name", "demo");
        assertThat(dev.keyPrefix()).isEqualTo("redlock_demo_local:");
        assertThat(dev.clients().get("default").leaseTime()).isEqualTo(Duration.ofSeconds(8));
        Settings test = settings("smallrye.config.profile", "test");
        assertThat(test.keyPrefix()).isEqualTo("redlock_app_local:");
        assertThat(test.clients().get("default").leaseTime()).isEqualTo(Duration.ofSeconds(60));
        Settings prod = settings("smallrye.config.profile", "prod");
        assertThat(prod.keyPrefix()).isEqualTo("redlock_app:");
        assertThat(prod.clients().get("default").leaseTime()).isEqualTo(Duration.ofSeconds(30));
        Settings profiled = settings("smallrye.config.profile", "dev", "%dev.redlock.lease-time", "3s");
        assertThat(profiled.clients().get("default").leaseTime()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void keyPrefix_replacesTheWholePrefix() {
        assertThat(settings("redlock.key-prefix", "locks:").keyPrefix()).isEqualTo("locks:");
    }

    @Test
    void everyClientSetting_isRead(@TempDir Path dir) throws IOException {
        Path trust = Files.createFile(dir.resolve("trust.p12")); // must exist: start-up checks it
        ClientSettings c = settings("redlock.lease-time", "12s", "redlock.wait-time", "2s", "redlock.drift-factor", "0.02",
                "redlock.retry-count", "5", "redlock.retry-delay", "50ms", "redlock.retry-jitter", "PT0.01S",
                "redlock.extension-threshold", "1s", "redlock.fifo", "true", "redlock.command-timeout", "300ms",
                "redlock.unreachable-timeout", "2s", "redlock.password", "pw", "redlock.username", "me",
                "redlock.tls.verify-hostname", "false",
                "redlock.tls.truststore", trust.toString()).clients().get("default");
        assertThat(c.leaseTime()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.waitTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.driftFactor()).isEqualTo(0.02);
        assertThat(c.retryCount()).isEqualTo(5);
        assertThat(c.retryDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(c.retryJitter()).isEqualTo(Duration.ofMillis(10));
        assertThat(c.extensionThreshold()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.fifo()).isTrue();
        assertThat(c.commandTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(c.unreachableTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.nodes().get(0).password()).isEqualTo("pw");
        assertThat(c.nodes().get(0).username()).isEqualTo("me");
        assertThat(c.tls().verifyHostname()).isFalse();
        assertThat(c.tls().truststore()).isEqualTo(trust.toUri().toURL());
    }

    @Test
    void nodeUri_credentialsWinOverThePasswordSetting_andAreNeverShown() {
        ClientSettings c = settings("redlock.nodes", "rediss://user:s%40cret@example.org,redis://h:7000",
                "redlock.password", "pw").clients().get("default");
        assertThat(c.nodes().get(0)).isEqualTo(new ClientSettings.NodeAddress("rediss://example.org:6379", "user", "s@cret"));
        assertThat(c.nodes().get(0).tls()).isTrue();
        assertThat(c.nodes().get(0).toString()).doesNotContain("cret");
        assertThat(c.nodes().get(1).password()).isEqualTo("pw");
    }

    @Test
    void namedClients_inheritFromDefaultOrFromAnotherClient() {
        Settings s = settings("redlock.lease-time", "20s", "redlock.clients.fast.retry-delay", "10ms",
                "redlock.clients.fast.nodes", "redis://127.0.0.1:7100", "redlock.clients.faster.inherit-from", "fast",
                "redlock.clients.faster.lease-time", "5s");
        assertThat(s.clients()).containsOnlyKeys("default", "fast", "faster");
        ClientSettings fast = s.clients().get("fast");
        assertThat(fast.leaseTime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(fast.retryDelay()).isEqualTo(Duration.ofMillis(10));
        assertThat(fast.nodes()).extracting(ClientSettings.NodeAddress::uri).containsExactly("redis://127.0.0.1:7100");
        ClientSettings faster = s.clients().get("faster");
        assertThat(faster.leaseTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(faster.retryDelay()).isEqualTo(Duration.ofMillis(10));
        assertThat(faster.nodes()).isEqualTo(fast.nodes());
    }

    @Test
    void moduleAndMetaOverrides() {
        Settings s = settings("redlock.modules.\"demo-student\".lease-time", "9s", "redlock.modules.a-auth.client",
                "default", "redlock.meta.\"demo-student:redlock\".enable", "false",
                "redlock.meta.\"a-auth:redlock\".mode", "dev,test", "redlock.meta.\"x:y\".mode", "*");
        assertThat(s.modules().get("demo-student").leaseTime()).isEqualTo(Duration.ofSeconds(9));
        assertThat(s.modules().get("a-auth").client()).isEqualTo("default");
        assertThat(s.metas().get("demo-student:redlock").enable()).isFalse();
        assertThat(s.metas().get("a-auth:redlock").modes()).containsExactly("dev", "test");
        assertThat(s.metas().get("x:y").modes()).isEmpty();
    }

    @Test
    void datasourcesAndJtaNamespaces_areLeftToRedlockDatasource() {
        settings("redlock.datasources.main.url", "jdbc:h2:mem:x", "redlock.datasources.main.levels.1.max-pool-size",
                "2", "redlock.jta.transaction-manager.jndi", "java:/TransactionManager");
    }

    @Test
    void noNodes() {
        problems("redlock.nodes", "").containsExactly("RL2101: redlock.nodes: no Redis nodes configured; set"
                + " redlock.nodes to one URI per independent master, such as redlock.nodes=redis://127.0.0.1:6379");
    }

    @Test
    void badNodeUris() {
        problems("redlock.nodes", "http://h:1,redis://:pw@,redis://h:1/2").containsExactly(
                "RL2102: redlock.nodes[0]: invalid value, was 'http://h:1'; use the scheme redis:// or rediss://",
                "RL2102: redlock.nodes[1]: invalid value, was 'redis://***@'; give a host, such as"
                        + " redis://127.0.0.1:6379",
                "RL2102: redlock.nodes[2]: invalid value, was 'redis://h:1/2'; give only scheme, credentials, host"
                        + " and port");
    }

    @Test
    void unparsableValues_nameTheProperty() {
        problems("redlock.lease-time", "abc").singleElement().asString().startsWith("RL2100: redlock configuration:")
                .contains("redlock.lease-time").contains("expected a duration with a unit");
        problems("redlock.retry-count", "many").singleElement().asString().contains("redlock.retry-count");
        problems("redlock.fifo", "maybe").singleElement().asString().contains("redlock.fifo");
        problems("redlock.drift-factor", "x").singleElement().asString().contains("redlock.drift-factor");
    }

    @Test
    void unknownProperty_isRejected() {
        problems("redlock.lock-tll", "8s").singleElement().asString().startsWith("RL2100:").contains("redlock.lock-tll");
    }

    @Test
    void oldLockTtlKeys_failWithTheirNewName() {
        problems("redlock.lock-ttl", "8s")
                .containsExactly("RL2106: redlock.lock-ttl (in PropertiesConfigSource[source=SettingsLoaderTest]): renamed"
                        + " to redlock.lease-time; rename the property, its value stays the same");
        problems("%dev.redlock.lock-ttl", "8s").singleElement().asString()
                .startsWith(
                        "RL2106: %dev.redlock.lock-ttl (in PropertiesConfigSource[source=SettingsLoaderTest]): renamed to %dev.redlock.lease-time;");
        problems("redlock.clients.fast.lock-ttl", "1s", "redlock.modules.\"m\".lock-ttl", "2s").containsExactly(
                "RL2106: redlock.clients.fast.lock-ttl (in PropertiesConfigSource[source=SettingsLoaderTest]): renamed to"
                        + " redlock.clients.fast.lease-time; rename the property, its value stays the same",
                "RL2106: redlock.modules.\"m\".lock-ttl (in PropertiesConfigSource[source=SettingsLoaderTest]): renamed to"
                        + " redlock.modules.\"m\".lease-time; rename the property, its value stays the same");
        problems("REDLOCK_LOCK_TTL", "8s").singleElement().asString()
                .startsWith(
                        "RL2106: REDLOCK_LOCK_TTL (in PropertiesConfigSource[source=SettingsLoaderTest]): renamed to REDLOCK_LEASE_TIME;");
    }

    @Test
    void outOfRangeValues() {
        problems("redlock.lease-time", "0s").containsExactly(
                "RL2102: redlock.lease-time: invalid value, was 'PT0S'; must be positive");
        problems("redlock.wait-time", "-PT1S").containsExactly(
                "RL2102: redlock.wait-time: invalid value, was 'PT-1S'; must not be negative");
        problems("redlock.drift-factor", "0.5").containsExactly(
                "RL2102: redlock.drift-factor: invalid value, was '0.5'; use a factor in [0, 0.1], such as 0.01");
        problems("redlock.retry-count", "-2").containsExactly("RL2102: redlock.retry-count: invalid value, was '-2';"
                + " use -1 (until the wait time ends) or a count of at least 0");
        problems("redlock.retry-delay", "-PT0.1S").singleElement().asString().startsWith("RL2102: redlock.retry-delay:");
        problems("redlock.retry-jitter", "-PT0.1S").singleElement().asString().startsWith("RL2102: redlock.retry-jitter:");
        problems("redlock.command-timeout", "0ms").singleElement().asString()
                .startsWith("RL2102: redlock.command-timeout:");
        problems("redlock.unreachable-timeout", "PT-1S").singleElement().asString()
                .startsWith("RL2102: redlock.unreachable-timeout: invalid value, was 'PT-1S'; must not be negative");
        problems("redlock.extension-threshold", "0ms").singleElement().asString()
                .startsWith("RL2102: redlock.extension-threshold: invalid value, was 'PT0S'; must be positive");
        problems("redlock.lease-time", "1s", "redlock.extension-threshold", "1s").containsExactly(
                "RL2102: redlock.extension-threshold: invalid value, was 'PT1S'; must be below the lease time PT1S of"
                        + " client 'default'");
        problems("redlock.modules.m.lease-time", "0s").singleElement().asString()
                .startsWith("RL2102: redlock.modules.\"m\".lease-time:");
    }

    @Test
    void badNames() {
        problems("redlock.app-name", "my app").containsExactly("RL2102: redlock.app-name: invalid value, was 'my app';"
                + " use letters, digits, '.', '_' and '-', such as 'demo'");
        problems("redlock.key-prefix", "a b:").singleElement().asString().startsWith("RL2102: redlock.key-prefix:");
        problems("redlock.clients.default.lease-time", "1s").singleElement().asString()
                .startsWith("RL2102: redlock.clients.default: invalid value");
    }

    @Test
    void badInheritance() {
        problems("redlock.clients.a.inherit-from", "nope").containsExactly("RL2103: redlock.clients.a.inherit-from:"
                + " no such client, was 'nope'; name a client configured under redlock.clients.* or 'default'");
        problems("redlock.clients.a.inherit-from", "b", "redlock.clients.b.inherit-from", "a").contains(
                "RL2103: redlock.clients.b.inherit-from: inheritance cycle a -> b -> a, was 'a'; name a client"
                        + " configured under redlock.clients.* or 'default'");
    }

    @Test
    void unknownClientReferences() {
        problems("redlock.modules.m.client", "nope").containsExactly("RL2104: redlock.modules.\"m\".client: no client"
                + " named 'nope'; known are [default]");
        problems("redlock.meta.\"m:redlock\".client", "nope").singleElement().asString()
                .startsWith("RL2104: redlock.meta.\"m:redlock\".client: no client named 'nope'");
    }

    @Test
    void everyProblemIsReported() {
        assertThat(load("redlock.lease-time", "0s", "redlock.drift-factor", "1", "redlock.app-name", "a b").problems())
                .hasSize(3);
        assertThat(load("redlock.lease-time", "x", "redlock.fifo", "x").problems()).hasSize(2);
        assertThat(List.of()).isEmpty();
    }
}
