package dev.redlock.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts {@link #count()} independent Redis masters for a test class or method and injects them as a
 * {@link RedisNodes} parameter (into test methods, lifecycle methods and constructors).
 *
 * <pre>{@code
 * @WithRedisNodes(count = 3)
 * final class QuorumIT {
 *     @Test void survivesOneNode(RedisNodes nodes) {
 *         nodes.node(0).kill();
 *         // ...
 *     }
 * }
 * }</pre>
 *
 * <p>The servers start on first use and stop when their scope ends: the class for
 * {@link Lifecycle#PER_CLASS} (the default), each test method for {@link Lifecycle#PER_METHOD}. An annotation on a
 * method takes precedence over the one on its class.
 *
 * @since 0.1
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RedisNodesExtension.class)
public @interface WithRedisNodes {

    /**
     * How many independent servers to start.
     *
     * @return at least 1; default 1
     */
    int count() default 1;

    /**
     * When the servers start and stop.
     *
     * @return the lifecycle; default {@link Lifecycle#PER_CLASS}
     */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /**
     * Extra {@code redis-server} arguments for every server, such as {@code {"--requirepass", "secret"}}.
     *
     * @return the arguments; default none
     */
    String[] args() default {};

    /** When servers start and stop. */
    enum Lifecycle {
        /** One set of servers for all tests of the class, flushed by nobody: tests use distinct keys. */
        PER_CLASS,
        /** A fresh set of servers for every test method. */
        PER_METHOD
    }
}
