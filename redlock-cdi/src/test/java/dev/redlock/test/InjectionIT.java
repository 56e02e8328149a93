package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.RedlockResource;
import dev.redlock.cdi.InModule;
import dev.redlock.test.app.auth.AuthController;
import dev.redlock.test.app.student.StudentController;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

@WithRedisNodes(count = 1)
final class InjectionIT {

    private static final Class<?>[] APP = {dev.redlock.test.app.student.MetaRedlock.class,
            dev.redlock.test.app.auth.MetaRedlock.class, StudentController.class, AuthController.class};

    @Test
    void metas_areInjectedByType_byModuleOfTheDeclaringClass_andByInModule(RedisNodes nodes) {
        try (WeldContainer c = Containers.boot(Containers.config(nodes.uris().get(0)), APP)) {
            StudentController student = c.select(StudentController.class).get();
            AuthController auth = c.select(AuthController.class).get();

            assertThat(student.redlock()).isInstanceOf(dev.redlock.test.app.student.MetaRedlock.class);
            assertThat(student.own()).isInstanceOf(dev.redlock.test.app.student.MetaRedlock.class);
            assertThat(auth.own()).isInstanceOf(dev.redlock.test.app.auth.MetaRedlock.class);
            assertThat(student.auth()).isInstanceOf(dev.redlock.test.app.auth.MetaRedlock.class);

            BeanRedlockBase<RedlockResource, RedlockResource> byLookup = c.select(
                    new jakarta.enterprise.util.TypeLiteral<BeanRedlockBase<RedlockResource, RedlockResource>>() {
                        private static final long serialVersionUID = 1L;
                    }, InModule.Literal.of("demo-student")).get();
            assertThat(byLookup).isInstanceOf(dev.redlock.test.app.student.MetaRedlock.class);
            assertThat(student.touchAuth()).isEqualTo("auth-locked");
        }
    }
}
