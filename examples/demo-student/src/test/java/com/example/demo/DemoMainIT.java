package com.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Runs {@link DemoApp#main(String[])} in its own JVM, as the README's command does, and stops it with SIGINT, as
 * Ctrl-C does: the console shows the URL and the redlock list, and no {@code redis-server} outlives the app.
 */
final class DemoMainIT {

    private static final Pattern URL = Pattern.compile("demo-student is running on (http://\\S+)");

    @Test
    void startsPrintsTheUrlAnswersAndLeavesNoRedisServerWhenStopped() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Ddemo.port=0",
                DemoApp.class.getName()).redirectErrorStream(true).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringBuilder console = new StringBuilder();
        CompletableFuture.runAsync(() -> pump(app, lines));
        try {
            URI base = null;
            while (base == null) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("the app printed no URL within 60 s; console so far:%n%s", console).isNotNull();
                console.append(line).append('\n');
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    base = URI.create(m.group(1));
                }
            }
            // by the command line: Debian's redis-server is a link to redis-check-rdb, so the executable says little
            List<ProcessHandle> redis = app.descendants().filter(p -> p.info().commandLine().orElse("")
                    .contains("redis")).toList();
            assertThat(redis).as("the app's own redis-server nodes").hasSize(DemoApp.EMBEDDED_NODES);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("student/test"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).isEqualTo("some result");
            awaitLine(lines, console, "\"demo-student:redlock\"");

            // Ctrl-C sends SIGINT; a JVM started with SIGINT ignored (a background job of a shell, as some CI runners
            // start builds) keeps ignoring it, so then SIGTERM stands in: both run the same shutdown hooks
            String signal = sigintIgnoredHere() ? "-TERM" : "-INT";
            new ProcessBuilder("kill", signal, Long.toString(app.pid())).start().waitFor(30, TimeUnit.SECONDS);
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("the app exits on kill %s", signal).isTrue();
            for (ProcessHandle p : redis) {
                p.onExit().get(30, TimeUnit.SECONDS);
                assertThat(p.isAlive()).as("redis-server %d", p.pid()).isFalse();
            }
        } finally {
            app.destroyForcibly();
        }
    }

    /** Whether this JVM ignores SIGINT, which the app's JVM then inherits: bit 1 of SigIgn in /proc/self/status. */
    private static boolean sigintIgnoredHere() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    private static void awaitLine(LinkedBlockingQueue<String> lines, StringBuilder console, String text)
            throws InterruptedException {
        while (true) {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertThat(line).as("no line with %s within 30 s; console so far:%n%s", text, console).isNotNull();
            console.append(line).append('\n');
            if (line.contains(text)) {
                return;
            }
        }
    }

    private static void pump(Process app, LinkedBlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(console closed: " + e + ")");
        }
    }
}
