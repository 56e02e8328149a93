package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;

/**
 * TLS ({@code rediss://}): certificates are generated in the test with the openssl CLI; each server listens on a
 * plain port (for the testkit's own client) and a TLS port (for the engine). The engine's URI form has no way to
 * take a truststore, so a trusted connection goes through {@code Builder.clients(...)} with a Redisson
 * {@link Config#setSslTrustManagerFactory}; an engine built from plain {@code rediss://} URIs uses the JDK's default
 * trust store and so must refuse the test CA.
 */
final class TlsSecurityIT {

    @TempDir
    Path dir;

    @Test
    void trustedCa_acquiresOverTls_untrustedCertificate_fails() throws Exception {
        generateCertificates();
        List<Integer> tlsPorts = new ArrayList<>();
        List<RedisNode> nodes = new ArrayList<>();
        List<RedisNodes> groups = new ArrayList<>();
        try {
            startTlsNodes(groups, nodes, tlsPorts);
            TrustManagerFactory trust = trustOnlyTestCa();
            List<RedissonClient> clients = new ArrayList<>();
            for (int port : tlsPorts) {
                Config c = new Config();
                c.setCodec(StringCodec.INSTANCE);
                c.setSslTrustManagerFactory(trust);
                c.useSingleServer().setAddress("rediss://127.0.0.1:" + port).setConnectionMinimumIdleSize(1)
                        .setConnectionPoolSize(4).setSubscriptionConnectionMinimumIdleSize(1);
                clients.add(Redisson.create(c));
            }
            try (Redlock redlock = Redlock.builder().clients(clients).build();
                    Lock lock = redlock.acquire(List.of("tls:a"), Duration.ofSeconds(10))) {
                assertThat(lock.votes()).filteredOn(NodeVote::granted).hasSizeGreaterThanOrEqualTo(2);
                // granted at quorum: a slower node may store the key only after acquire() returns
                assertThat(nodes.stream().filter(n -> n.execute("GET", "tls:a") != null).count()).isGreaterThanOrEqualTo(2);
            } finally {
                clients.forEach(RedissonClient::shutdown);
            }

            List<String> uris = tlsPorts.stream().map(p -> "rediss://127.0.0.1:" + p).toList();
            // the JDK's default trust store does not know the test CA: start-up fails, naming the nodes
            assertThatThrownBy(() -> Redlock.builder().nodes(uris).build().close())
                    .isInstanceOfSatisfying(IllegalStateException.class, e -> {
                        assertThat(e.getMessage()).startsWith("RL1040: Redlock.Builder#build: 3 nodes refused")
                                .contains("127.0.0.1:" + tlsPorts.get(0)).containsIgnoringCase("certific")
                                .contains("trust");
                    });
            for (RedisNode n : nodes) {
                assertThat(n.execute("GET", "tls:b")).isNull();
            }
        } finally {
            groups.forEach(RedisNodes::close);
        }
    }

    /** The testkit starts all nodes of a group with the same arguments, so each TLS port needs its own group. */
    private void startTlsNodes(List<RedisNodes> groups, List<RedisNode> nodes, List<Integer> tlsPorts)
            throws IOException {
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            RedisNodes one;
            try {
                one = RedisNodes.builder().count(1)
                        .args("--tls-port", Integer.toString(port), "--tls-cert-file",
                                dir.resolve("server.crt").toString(), "--tls-key-file",
                                dir.resolve("server.key").toString(), "--tls-ca-cert-file",
                                dir.resolve("ca.crt").toString(), "--tls-auth-clients", "no")
                        .start();
            } catch (IllegalStateException e) {
                String m = String.valueOf(e.getMessage()).toLowerCase();
                Assumptions.assumeFalse(m.contains("tls") || m.contains("bad directive"),
                        () -> "redis-server has no TLS support: " + e.getMessage());
                throw e;
            }
            groups.add(one);
            nodes.add(one.node(0));
            tlsPorts.add(port);
        }
    }

    private void generateCertificates() throws Exception {
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=redlock-test-ca");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=127.0.0.1");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "server.crt", "-days", "2", "-extfile", "ext.cnf");
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no openssl CLI to generate certificates: " + e.getMessage());
            return;
        }
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        assertThat(p.exitValue()).as("openssl %s: %s", command, out).isZero();
    }

    private TrustManagerFactory trustOnlyTestCa() throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.crt"))) {
            ks.setCertificateEntry("redlock-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return tmf;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
