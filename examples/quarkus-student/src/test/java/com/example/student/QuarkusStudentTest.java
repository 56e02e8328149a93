package com.example.student;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.demo.LocalRedis;

import io.quarkus.test.junit.QuarkusTest;

import dev.redlock.api.BeanRedlockBase;
import dev.redlock.api.HeldLock;
import dev.redlock.cdi.InModule;
import dev.redlock.cdi.Onion;
import dev.redlock.datasource.Datasource;

/**
 * quarkus-student on Quarkus in test mode: the redlock extension as ArC runs it, against the three local nodes
 * {@link LocalRedis} starts, with one H2 connection per datasource level.
 */
@QuarkusTest
class QuarkusStudentTest {

    /** The system property that hands the pids of this application's nodes to {@code ShutdownTest}. */
    static final String PIDS = "quarkus-student.test.pids";

    /** Unqualified: the meta of this class's module, demo-student. */
    @Inject
    BeanRedlockBase<?, ?> ownModule;

    @Inject
    @InModule("a-auth")
    BeanRedlockBase<?, ?> auth;

    @Inject
    MetaRedlock student;

    @Inject
    @Datasource
    DataSource db;

    @Inject
    LocalRedis localRedis;

    @Inject
    Onion onion;

    @Test
    void studentTest_runsUnderTheLock() {
        given().get("/student/test").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("some result"));
    }

    @Test
    void metrics_countTheGrantsOfTheMeta_andTheEngineMeters_onQuarkusMicrometer() {
        given().get("/student/test").then().statusCode(200);
        // Quarkus' Prometheus registry: the meta's meters (per-meta tags) and the engine's (client only). The
        // engine tells of a grant once every node answered it, which may be just after the response
        java.util.regex.Pattern granted = java.util.regex.Pattern.compile("redlock_grants_total\\{client=\"default\","
                + "meta=\"demo-student:redlock\",module=\"demo-student\"} [1-9]");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        while (!granted.matcher(metrics).find() && System.nanoTime() < end) {
            metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        }
        assertThat(metrics).containsPattern("redlock_grants_total\\{client=\"default\",meta=\"demo-student:redlock\","
                + "module=\"demo-student\"} [1-9]")
                .contains("redlock_locks_held{client=\"default\"}")
                .contains("redlock_acquire_wait_seconds_count{client=\"default\",meta=\"demo-student:redlock\","
                        + "module=\"demo-student\",outcome=\"granted\"}")
                .doesNotContain("redlock_demo_local");
    }

    @Test
    void metasOfTwoModules_areInjectedByModule() {
        assertThat(ownModule).isInstanceOf(MetaRedlock.class);
        assertThat(auth).isInstanceOf(com.example.auth.MetaRedlock.class);
        assertThat(localRedis.uris()).hasSize(LocalRedis.NODES);
    }

    @Test
    void theNodesOfThisApplication_areHandedToTheShutdownTest() {
        List<Long> pids = localRedis.pids();
        assertThat(pids).hasSize(LocalRedis.NODES).allSatisfy(p -> assertThat(ProcessHandle.of(p)).isPresent());
        System.setProperty(PIDS, pids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    @Test
    void fiftyConcurrentScoreUpdatesOfOneUser_endAtExactlyFifty() throws Exception {
        String user = "u" + UUID.randomUUID().toString().substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> given().post("/student/" + user + "/score").then().statusCode(200)
                        .extract().asString()));
            }
            List<Integer> answers = new ArrayList<>();
            for (Future<String> call : calls) {
                answers.add(Integer.valueOf(call.get()));
            }
            // each update saw the one before it: the answers are exactly 1..50
            assertThat(answers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        } finally {
            pool.shutdown();
        }
        assertThat(given().get("/student/" + user + "/score").then().statusCode(200).extract().asString())
                .isEqualTo("50");
    }

    @Test
    void anInstanceNameResolverThatNothingInjects_namesTheInstanceOfEveryKey() {
        List<HeldLock> held = student.lock(MetaRedlock_.Lock.NAME, () -> onion.redlock().inspectLocks());
        assertThat(held).extracting(HeldLock::key)
                .contains("redlock_demo_local:campus:demo-student.name");
    }

    @Test
    void inspect_listsTheMetasInEffect() {
        String body = given().get("/inspect").then().statusCode(200).contentType("application/json").extract()
                .asString();
        assertThat(body).startsWith("{\"metas\":[").contains("\"name\":\"a-auth:redlock\"")
                .contains("\"name\":\"demo-student:redlock\"").contains("\"isolate\":[\"name\",\"user-{userId}\"]")
                .contains("\"locks\":[");
    }

    @Test
    void anotherThreadHoldsTheOnlyLevelZeroConnection_lockTimesOut_lockIsolateCompletes() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holder.submit(() -> {
                try (Connection c = db.getConnection()) { // the only connection of level 0
                    held.countDown();
                    done.await();
                }
                return null;
            });
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
            // lock runs the function at level 0: it waits for the held connection until the pool gives up
            assertThatThrownBy(() -> student.lock(MetaRedlock_.Lock.NAME, () -> {
                try (Connection c = db.getConnection()) {
                    return c.isValid(1);
                }
            })).isInstanceOf(SQLException.class);
            // lockIsolate runs it at level 1, with its own pool
            boolean valid = student.lockIsolate(MetaRedlock_.Isolate.NAME, () -> {
                try (Connection c = db.getConnection()) {
                    return c.isValid(1);
                }
            });
            assertThat(valid).isTrue();
            done.countDown();
            holding.get(30, TimeUnit.SECONDS);
        } finally {
            done.countDown();
            holder.shutdown();
        }
    }
}
