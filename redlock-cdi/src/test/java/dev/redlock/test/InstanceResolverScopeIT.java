package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.control.RequestContextController;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.test.app.Res;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.test.scope.RequestTenant;
import dev.redlock.test.scope.RequestTenantResolver;
import dev.redlock.test.scope.TenantInstance;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * The resolver's scope (docs/cdi.md): a @RequestScoped resolver fails a lock outside a request with RL2029 naming the
 * fix; an @ApplicationScoped one that reads the request only while it is active locks on every thread.
 */
@WithRedisNodes(count = 1)
final class InstanceResolverScopeIT {

    @Test
    void requestScopedResolver_outsideARequest_failsWithRl2029_insideOneNamesTheInstance(RedisNodes nodes) {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = Containers.boot(Containers.config(node.uri()), MetaRedlock.class,
                RequestTenantResolver.class)) {
            MetaRedlock student = c.select(MetaRedlock.class).get();

            assertThatThrownBy(() -> student.lock(Res.NAME, () -> "never"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("RL2029: InstanceNameResolver " + RequestTenantResolver.class.getName()
                            + " (@RequestScoped): a context it needs is not active on thread '"
                            + Thread.currentThread().getName() + "', which locks")
                    .hasMessageContaining("make the resolver @ApplicationScoped")
                    .hasCauseInstanceOf(ContextNotActiveException.class);

            assertThat(keyInRequest(c, student, node)).containsExactly("redlock_demo:in-request:demo-student.name");
        }
    }

    @Test
    void applicationScopedResolverReadingTheRequest_locksInsideAndOutsideRequests(RedisNodes nodes) {
        RedisNode node = nodes.node(0);
        try (WeldContainer c = Containers.boot(Containers.config(node.uri()), MetaRedlock.class,
                TenantInstance.class, RequestTenant.class)) {
            MetaRedlock student = c.select(MetaRedlock.class).get();

            assertThat(student.lock(Res.NAME, () -> node.keys("*demo-student.name")))
                    .containsExactly("redlock_demo:~:demo-student.name");

            assertThat(keyInRequest(c, student, node)).containsExactly("redlock_demo:acme:demo-student.name");
        }
    }

    /** The key of a lock taken inside an active request context, as the node shows it while held. */
    private static List<String> keyInRequest(WeldContainer c, MetaRedlock student, RedisNode node) {
        RequestContextController request = c.select(RequestContextController.class).get();
        request.activate();
        try {
            return student.lock(Res.NAME, () -> node.keys("*demo-student.name"));
        } finally {
            request.deactivate();
        }
    }
}
