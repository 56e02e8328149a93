package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.redlock.test.locked.MetaRedlock;
import dev.redlock.test.locked.nonames.ByNameWithoutNames;
import dev.redlock.test.locked.problems.BadAsyncType;
import dev.redlock.test.locked.problems.BadLockArg;
import dev.redlock.test.locked.problems.BadOptions;
import dev.redlock.test.locked.problems.Calls;
import dev.redlock.test.locked.problems.NoParameter;
import dev.redlock.test.locked.problems.NotAMeta;
import dev.redlock.test.locked.problems.NotInEffect;
import dev.redlock.test.locked.problems.NotInterceptable;
import dev.redlock.test.locked.problems.OnClass;
import dev.redlock.test.locked.problems.Undeclared;
import dev.redlock.test.locked.problems.WrongKind;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * Each mistake in a {@code @Locked} binding fails the start with its code, naming the method; the container never
 * serves a call, so no lock is taken: {@link Calls} calls every binding as soon as the container starts, and the
 * nodes stay empty.
 */
@WithRedisNodes(count = 1)
final class LockedDeploymentProblemsIT {

    private RedisNode node;

    @BeforeEach
    void reset(RedisNodes nodes) {
        node = nodes.node(0);
        Calls.COUNT.set(0);
    }

    @AfterEach
    void noLockTaken() {
        assertThat(Calls.COUNT.get()).as("locked bodies that ran").isZero();
        assertThat(node.keys("*")).as("keys on the node").isEmpty();
    }

    /** Boots with the meta, {@link Calls} and {@code beans}; returns every message of the failure's chain. */
    private String bootFails(Class<?>... beans) {
        List<Class<?>> classes = new ArrayList<>(List.of(MetaRedlock.class, Calls.class));
        classes.addAll(List.of(beans));
        Throwable t = catchThrowable(() -> Containers.boot(Containers.config(node.uri()),
                classes.toArray(Class<?>[]::new)).close());
        assertThat(t).as("start-up fails").isNotNull();
        StringBuilder messages = new StringBuilder();
        boolean deploymentProblem = false;
        for (Throwable c = t; c != null; c = c.getCause()) {
            messages.append(c.getMessage()).append('\n');
            deploymentProblem |= c instanceof DeploymentException;
        }
        assertThat(deploymentProblem).as("a DeploymentException in " + t).isTrue();
        return messages.toString();
    }

    @Test
    void undeclaredResource() {
        assertThat(bootFails(Undeclared.class)).contains("RL2042: dev.redlock.test.locked.problems.Undeclared#run():"
                + " @Locked resource 'nope' is not declared by locked-app:redlock in @RedlockResources(lock), was"
                + " expecting one of [counter, user-{userId}, slow]");
    }

    @Test
    void placeholderWithoutParameter() {
        assertThat(bootFails(NoParameter.class)).contains("RL2044: dev.redlock.test.locked.problems.NoParameter"
                + "#update(String): @Locked resource 'user-{userId}': no parameter fills {userId}, parameters are"
                + " [id]; rename the parameter or annotate it with @LockArg(\"userId\")");
    }

    @Test
    void placeholderWithoutParameter_inAClassCompiledWithoutNames_pointsAtTheCompilerFlag() {
        assertThat(bootFails(ByNameWithoutNames.class)).contains("RL2044: dev.redlock.test.locked.nonames"
                + ".ByNameWithoutNames#update(String): @Locked resource 'user-{userId}': no parameter fills {userId},"
                + " parameters are [arg0]; the class was compiled without parameter names: compile with javac"
                + " -parameters (maven-compiler-plugin <parameters>true</parameters>)");
    }

    @Test
    void lockArgNamingNoPlaceholder() {
        assertThat(bootFails(BadLockArg.class)).contains("RL2045: dev.redlock.test.locked.problems.BadLockArg"
                + "#update(String): @LockArg(\"user\") names no placeholder of @Locked resource 'user-{userId}'");
    }

    @Test
    void metaThatIsNoMeta() {
        assertThat(bootFails(NotAMeta.class)).contains("RL2040: dev.redlock.test.locked.problems.NotAMeta#run():"
                + " @Locked(meta = java.lang.String.class) is not a @Meta bean of this deployment");
    }

    @Test
    void metaNotInEffect() {
        assertThat(bootFails(NotInEffect.class, dev.redlock.test.app.off.MetaRedlock.class)).contains("RL2041:"
                + " dev.redlock.test.locked.problems.NotInEffect#run(): @Locked meta a-off:redlock is not in effect"
                + " (disabled)");
    }

    @Test
    void wrongKind_bothWays() {
        assertThat(bootFails(WrongKind.class))
                .contains("RL2043: dev.redlock.test.locked.problems.WrongKind#counter(): @Locked resource 'counter'"
                        + " is declared by locked-app:redlock only in @RedlockResources(lock), but the binding says"
                        + " isolate = true")
                .contains("RL2043: dev.redlock.test.locked.problems.WrongKind#report(int): @Locked resource"
                        + " 'report-{year}' is declared by locked-app:redlock only in @RedlockResources(isolate)");
    }

    @Test
    void unreadableOrOutOfRangeOptions() {
        assertThat(bootFails(BadOptions.class))
                .contains("RL2046: dev.redlock.test.locked.problems.BadOptions#badWait(): @Locked(waitTime ="
                        + " \"5 seconds\"): expected a duration with a unit")
                .contains("RL2046: dev.redlock.test.locked.problems.BadOptions#zeroLease(): @Locked(leaseTime ="
                        + " \"0s\"): leaseTime must be positive, was PT0S")
                .contains("RL2046: dev.redlock.test.locked.problems.BadOptions#badInstance(): @Locked(instance ="
                        + " \"a{b\")");
    }

    @Test
    void methodsTheContainerCannotIntercept() {
        assertThat(bootFails(NotInterceptable.class))
                .contains("RL2047: dev.redlock.test.locked.problems.NotInterceptable#hidden(): @Locked on a method"
                        + " the container cannot intercept (private)")
                .contains("RL2047: dev.redlock.test.locked.problems.NotInterceptable#shared(): @Locked on a method"
                        + " the container cannot intercept (static)");
    }

    @Test
    void asyncMethodOfAnotherStageType() {
        assertThat(bootFails(BadAsyncType.class)).contains("RL2048: dev.redlock.test.locked.problems.BadAsyncType"
                + "#start(): @Locked async method returns dev.redlock.test.locked.problems.BadAsyncType$Stage");
    }

    @Test
    void lockedOnAClass() {
        assertThat(bootFails(OnClass.class)).contains("RL2049: dev.redlock.test.locked.problems.OnClass: @Locked on"
                + " a class");
    }
}
