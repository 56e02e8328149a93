/**
 * Real Redis servers for tests: {@link dev.redlock.testkit.WithRedisNodes @WithRedisNodes} starts independent
 * {@code redis-server} processes on free loopback ports and injects a {@link dev.redlock.testkit.RedisNodes}
 * handle with fault injection on each node (stop, kill, pause, resume, restart empty) and a
 * {@link dev.redlock.testkit.NodeProxy TCP proxy} per node for network faults (cut, delay, one-way drop).
 *
 * <p>The binary is the {@code redis-server} on {@code PATH} when there is one, otherwise the one shipped in the
 * {@code com.github.codemonstur:embedded-redis} artifact, extracted once. Processes never outlive the JVM that
 * started them: a shutdown hook kills them, and the next start kills the leftovers of a JVM that died without
 * running its hooks.
 */
@NullMarked
package dev.redlock.testkit;

import org.jspecify.annotations.NullMarked;
