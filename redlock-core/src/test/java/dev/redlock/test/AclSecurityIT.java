package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.LockEvent;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;

/**
 * Redis ACL users: the engine authenticates with {@code redis://user:password@host:port} URIs, and the password
 * never shows up in anything the engine prints or hands out.
 */
final class AclSecurityIT {

    private static final String ADMIN_PASSWORD = "adm1n-Secret-7Qx";
    private static final String PASSWORD = "l0cker-Secret-9Zk";
    private static final String WRONG_PASSWORD = "wr0ng-Secret-3Vb";

    private static RedisNodes startWithAclUser() {
        RedisNodes nodes = RedisNodes.builder().count(3).password(ADMIN_PASSWORD).start();
        for (RedisNode n : nodes.nodes()) {
            n.execute("ACL", "SETUSER", "locker", "on", ">" + PASSWORD, "~*", "&*", "+@all");
        }
        return nodes;
    }

    private static List<String> uris(RedisNodes nodes, String password) {
        List<String> uris = new ArrayList<>();
        for (RedisNode n : nodes.nodes()) {
            uris.add("redis://locker:" + password + "@" + n.host() + ":" + n.port());
        }
        return uris;
    }

    @Test
    void aclUser_acquiresAndReleases_andThePasswordIsNeverPrinted() {
        List<LockEvent> events = new CopyOnWriteArrayList<>();
        try (JulCapture log = new JulCapture();
                RedisNodes nodes = startWithAclUser();
                Redlock redlock = Redlock.builder().nodes(uris(nodes, PASSWORD)).listener(events::add).build()) {
            List<String> printed = new ArrayList<>();
            try (Lock lock = redlock.acquire(List.of("acl:a"), Duration.ofSeconds(10))) {
                assertThat(lock.votes()).filteredOn(NodeVote::granted).hasSizeGreaterThanOrEqualTo(2);
                // granted at quorum: a slower node may store the key only after acquire() returns
                assertThat(nodes.nodes().stream().filter(n -> n.execute("GET", "acl:a") != null).count())
                        .isGreaterThanOrEqualTo(2);
                printed.add(lock.toString());
                printed.add(lock.votes().toString());
                printed.add(redlock.inspect("acl:*").toString());
                assertThat(redlock.inspect("acl:*")).hasSize(1);
            }
            for (RedisNode n : nodes.nodes()) {
                assertThat(n.execute("GET", "acl:a")).isNull();
            }
            printed.add(redlock.nodes().toString());
            printed.add(redlock.toString());

            // a node down: its vote carries the connection error
            nodes.node(2).kill();
            try (Lock lock = redlock.acquire(List.of("acl:b"), Duration.ofSeconds(10))) {
                printed.add(lock.votes().toString());
            }
            // a majority down: the acquisition fails and says why per node
            nodes.node(1).kill();
            assertThatThrownBy(() -> redlock.acquire(List.of("acl:c"), Duration.ofSeconds(10), Duration.ZERO))
                    .isInstanceOfSatisfying(LockAcquisitionException.class, e -> {
                        assertThat(e.votes()).hasSize(3);
                        printed.add(e.votes().toString());
                        printed.add(stackTrace(e));
                    });
            printed.add(events.toString());
            assertThat(events).isNotEmpty();
            // a node down at start-up: the engine logs a warning naming it
            try (Redlock late = Redlock.builder().nodes(uris(nodes, PASSWORD)).build()) {
                assertThat(late.quorum()).isEqualTo(2);
            }
            assertThat(log.records()).anyMatch(r -> r.contains("127.0.0.1:" + nodes.node(2).port()));
            printed.addAll(log.records());
            assertThat(printed).noneMatch(s -> s.contains(PASSWORD)).noneMatch(s -> s.contains(ADMIN_PASSWORD));
            assertThat(String.join("\n", printed)).contains("127.0.0.1:" + nodes.node(0).port());
        }
    }

    @Test
    void wrongPassword_failsStartUp_withAnErrorThatNamesTheNodeButNotThePassword() {
        try (JulCapture log = new JulCapture(); RedisNodes nodes = startWithAclUser()) {
            assertThatThrownBy(() -> Redlock.builder().nodes(uris(nodes, WRONG_PASSWORD)).build().close())
                    .isInstanceOfSatisfying(IllegalStateException.class, e -> {
                        String printed = stackTrace(e);
                        assertThat(e.getMessage()).startsWith("RL1040: Redlock.Builder#build: 3 nodes refused")
                                .containsIgnoringCase("WRONGPASS")
                                .contains("127.0.0.1:" + nodes.node(0).port())
                                .contains("user name and password");
                        assertThat(printed).doesNotContain(WRONG_PASSWORD).doesNotContain(PASSWORD);
                    });
            for (RedisNode n : nodes.nodes()) {
                assertThat(n.keys("*")).isEmpty();
            }
            assertThat(log.records()).noneMatch(r -> r.contains(WRONG_PASSWORD) || r.contains(PASSWORD));
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
