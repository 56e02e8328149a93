package dev.redlock.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Processes never outlive the JVM that started them: checked with real child JVMs. */
final class ProcessCleanupIT {

    @Test
    void normalExit_leavesNoRedisServer() throws Exception {
        Child child = Child.start(2, "exit", null);
        Map<String, String> out = child.readUntil("PING");
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<Long> pids = pids(out);
        assertThat(pids).hasSize(2);
        for (long pid : pids) {
            assertThat(awaitDead(pid)).as("redis-server %d is gone after its JVM exited", pid).isTrue();
        }
    }

    @Test
    void killedJvm_orphansAreKilledByTheNextStart() throws Exception {
        Child child = Child.start(1, "hang", null);
        List<Long> pids = pids(child.readUntil("PING"));
        child.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(pids.get(0)).map(ProcessHandle::isAlive)).as("orphan survives its JVM")
                .contains(true);

        Launcher.get().killOrphans();

        assertThat(awaitDead(pids.get(0))).as("orphan killed by the next start").isTrue();
    }

    @Test
    void emptyPath_usesTheEmbeddedBinary() throws Exception {
        Child child = Child.start(1, "exit", "");
        Map<String, String> out = child.readUntil("PING");
        assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out.get("BINARY")).contains("redis-server-").contains("redlock-testkit-")
                .doesNotStartWith("/usr/");
        assertThat(out.get("PING")).isEqualTo("true");
        assertThat(awaitDead(pids(out).get(0))).isTrue();
    }

    @Test
    void searchPathWithoutRedis_usesTheEmbeddedBinary_inProcess() {
        try (RedisNodes nodes = RedisNodes.builder().searchPath("").start()) {
            assertThat(nodes.node(0).binary()).contains("redis-server-6.2");
            assertThat(nodes.node(0).execute("INFO", "server")).asString().contains("redis_version:6.2");
        }
    }

    private static List<Long> pids(Map<String, String> out) {
        return Arrays.stream(out.get("PIDS").split(",")).map(Long::parseLong).toList();
    }

    private static boolean awaitDead(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true)) {
                return true;
            }
            Thread.sleep(20); // polling another process's exit: there is no event to wait on
        }
        return false;
    }

    private record Child(Process process, BufferedReader out) {
        static Child start(int count, String mode, String path) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    LauncherChild.class.getName(), Integer.toString(count), mode).redirectErrorStream(true);
            if (path != null) {
                pb.environment().put("PATH", path);
            }
            Process p = pb.start();
            return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }

        Map<String, String> readUntil(String lastKey) throws IOException {
            Map<String, String> values = new HashMap<>();
            StringBuilder all = new StringBuilder();
            String line;
            while ((line = out.readLine()) != null) {
                all.append(line).append('\n');
                int space = line.indexOf(' ');
                if (space > 0) {
                    values.put(line.substring(0, space), line.substring(space + 1));
                }
                if (line.startsWith(lastKey + " ")) {
                    return values;
                }
            }
            throw new AssertionError("child JVM ended before printing " + lastKey + ":\n" + all);
        }
    }
}
