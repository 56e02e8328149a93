package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.api.LockOptions;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.TenantResolver;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** The keys seen on the server while a lock is held: {prefix}{instance}:{module}.{resource}. */
@WithRedisNodes(count = 1)
final class KeyFormatIT {

    private static final Class<?>[] APP = {MetaRedlock.class, dev.redlock.test.app.auth.MetaRedlock.class,
            TenantResolver.class};

    /** Holds the lock, expects exactly {@code key} on the server meanwhile, and no such key after release. */
    private static void expectKey(RedisNode node, String key, Hold.LockCall call) throws Exception {
        try (Hold hold = Hold.start(call)) {
            assertThat(node.keys(key)).as("while held").containsExactly(key);
            hold.release().get(30, TimeUnit.SECONDS);
        }
        assertThat(node.keys(key)).as("after release").isEmpty();
    }

    @Test
    void keys_inTheTestProfile_withAndWithoutInstance(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = Containers.boot(Containers.config(node.uri(), "smallrye.config.profile", "test"), APP)) {
            MetaRedlock student = c.select(MetaRedlock.class).get();
            var auth = c.select(dev.redlock.test.app.auth.MetaRedlock.class).get();
            TenantResolver tenant = c.select(TenantResolver.class).get();

            expectKey(node, "redlock_demo_local:~:demo-student.user-42",
                    body -> student.lockIsolate(Res.user("42"), body));
            expectKey(node, "redlock_demo_local:~:a-auth.session", body -> auth.lock(Res.SESSION, body));
            expectKey(node, "redlock_demo_local:tenant-7:demo-student.name", body -> student.lock(Res.NAME,
                    LockOptions.builder().instance("tenant-7").build(), session -> {
                        body.run();
                        return null;
                    }));
            expectKey(node, "redlock_demo_local:-:demo-student.name", body -> student.lock(Res.NAME,
                    LockOptions.defaults().withInstance(""), session -> {
                        body.run();
                        return null;
                    }));

            tenant.set("acme");
            expectKey(node, "redlock_demo_local:acme:demo-student.name", body -> student.lock(Res.NAME, body));
            expectKey(node, "redlock_demo_local:other:demo-student.name", body -> student.lock(Res.NAME,
                    LockOptions.defaults().withInstance("other"), session -> {
                        body.run();
                        return null;
                    }));
        }
    }

    @Test
    void keys_withoutProfile_andWithAnOverriddenPrefix(RedisNodes nodes) throws Exception {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = Containers.boot(Containers.config(node.uri()), APP)) {
            MetaRedlock student = c.select(MetaRedlock.class).get();
            expectKey(node, "redlock_demo:~:demo-student.name", body -> student.lock(Res.NAME, body));
        }
        Map<String, String> custom = Containers.config(node.uri(), "redlock.key-prefix", "custom/");
        try (WeldContainer c = Containers.boot(custom, APP)) {
            MetaRedlock student = c.select(MetaRedlock.class).get();
            expectKey(node, "custom/~:demo-student.name", body -> student.lock(Res.NAME, body));
        }
    }
}
