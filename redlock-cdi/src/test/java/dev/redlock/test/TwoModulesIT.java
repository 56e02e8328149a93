package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.redlock.cdi.Onion;
import dev.redlock.test.app.auth.AuthController;
import dev.redlock.test.app.student.StudentController;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/** Two modules, each with its own MetaRedlock and controller, used concurrently over three nodes. */
@WithRedisNodes(count = 3)
final class TwoModulesIT {

    static final Class<?>[] APP = {dev.redlock.test.app.student.MetaRedlock.class,
            dev.redlock.test.app.auth.MetaRedlock.class, StudentController.class, AuthController.class};

    @Test
    void eightThreadsTimesTwoHundredLocks_keepACounterExact(RedisNodes nodes) throws Exception {
        try (WeldContainer c = Containers.boot(Containers.config(String.join(",", nodes.uris()),
                "smallrye.config.profile", "test"), APP)) {
            StudentController student = c.select(StudentController.class).get();
            AuthController auth = c.select(AuthController.class).get();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    boolean alsoAuth = t % 4 == 0;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            student.increment();
                            if (alsoAuth && i % 4 == 0) {
                                auth.increment();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(student.counter()).isEqualTo(8 * 200);
            assertThat(auth.counter()).isEqualTo(2 * 50);
            assertThat(student.touchAuth()).isEqualTo("auth-locked");
            // nothing is held by a quorum any more (a minority node may keep an orphan of a late vote until its TTL)
            assertThat(c.select(Onion.class).get().redlock().inspectLocks()).isEmpty();
        }
    }
}
