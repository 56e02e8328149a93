package com.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Boots the app in this JVM on a free port, with its own three Redis nodes, and drives it over HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class DemoAppIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** 50 updates of one user run one after another: generous for a loaded 2-core machine. */
    private static final Duration SERIAL_TIMEOUT = Duration.ofMinutes(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private DemoApp app;

    @BeforeAll
    void start() {
        app = DemoApp.start(new DemoApp.Options(0, List.of()));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void testAnswersSomeResult() throws Exception {
        HttpResponse<String> r = send(get("student/test"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("some result");
    }

    @Test
    void lockIsolateWithAPlainResourceAnswersSomeResult() throws Exception {
        assertThat(send(get("student/test-isolate")).body()).isEqualTo("some result");
    }

    @Test
    void fiftyConcurrentScoreUpdatesOfOneUserEndWithTheExactScore() throws Exception {
        String user = "u" + UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpRequest update = HttpRequest.newBuilder(uri("student/" + user + "/score")).timeout(SERIAL_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            calls.add(http.sendAsync(update, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(SERIAL_TIMEOUT.toSeconds() + 30,
                TimeUnit.SECONDS);

        List<Integer> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.join();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            answers.add(Integer.valueOf(r.body()));
        }
        // each update saw the one before it: the answers are exactly 1..50
        assertThat(answers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(send(get("student/" + user + "/score")).body()).isEqualTo("50");
    }

    @Test
    void theAuthModuleLocksThroughItsScope() throws Exception {
        String user = "u" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(send(post("auth/" + user + "/login")).body()).isEqualTo("1");
        assertThat(send(post("auth/" + user + "/login")).body()).isEqualTo("2");
    }

    @Test
    void inspectListsTheMetasOfBothModules() throws Exception {
        HttpResponse<String> r = send(get("inspect"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(r.body()).startsWith("{\"metas\":[").contains("\"name\":\"a-auth:redlock\"")
                .contains("\"name\":\"demo-student:redlock\"").contains("\"isolate\":[\"name\",\"user-{userId}\"]")
                .contains("\"locks\":[");
    }

    @Test
    void anUnknownPathIsNotFound() throws Exception {
        assertThat(send(get("nothing-here")).statusCode()).isEqualTo(404);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET().build();
    }

    private HttpRequest post(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private URI uri(String path) {
        return app.uri().resolve(path);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
