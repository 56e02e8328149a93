package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URL;
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

import dev.redlock.api.LockAcquisitionException;
import dev.redlock.api.NodeVote;
import dev.redlock.core.Lock;
import dev.redlock.core.Redlock;
import dev.redlock.testkit.RedisNode;
import dev.redlock.testkit.RedisNodes;

/**
 * TLS ({@code rediss://}): certificates are generated in the test with the openssl CLI; each server listens on a
 * plain port (for the testkit's own client) and a TLS port (for the engine). A trusted connection works through
 * {@code Builder.clients(...)} with a Redisson {@link Config#setSslTrustManagerFactory}, and through the engine's
 * own clients with {@code Builder.truststore(...)}; a wrong store password fails {@code build()}; an engine
 * without a trust store uses the JDK's default one and so must refuse the test CA.
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
            startTlsNodes(groups, nodes, tlsPorts, "no");
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
            // the engine's own clients, given the test CA in a PKCS12 trust store
            Path store = truststore("ts-Secret-5");
            try (Redlock redlock = Redlock.builder().nodes(uris).truststore(store.toUri().toURL(), "ts-Secret-5")
                    .build(); Lock lock = redlock.acquire(List.of("tls:c"), Duration.ofSeconds(10))) {
                assertThat(lock.votes()).filteredOn(NodeVote::granted).hasSizeGreaterThanOrEqualTo(2);
            }
            // a wrong store password fails build(), naming the setting and the store, never a password
            assertThatThrownBy(() -> Redlock.builder().nodes(uris).truststore(store.toUri().toURL(), "wr0ng-Secret-6")
                    .build().close()).isInstanceOfSatisfying(IllegalArgumentException.class, e -> {
                        assertThat(e.getMessage()).startsWith("truststore cannot be opened from file:")
                                .contains("truststore.p12").contains("PKCS12 or JKS");
                        assertThat(stackTrace(e)).doesNotContain("wr0ng-Secret-6").doesNotContain("ts-Secret-5");
                    });
            // the JDK's default trust store does not know the test CA: start-up fails, naming the nodes
            assertThatThrownBy(() -> Redlock.builder().nodes(uris).build().close())
                    .isInstanceOfSatisfying(IllegalStateException.class, e -> {
                        assertThat(e.getMessage()).startsWith("RL1040: Redlock.Builder#build: 3 nodes refused")
                                .contains("127.0.0.1:" + tlsPorts.get(0) + ": TLS handshake failed (")
                                .containsIgnoringCase("certific")
                                .contains("trust");
                    });
            for (RedisNode n : nodes) {
                assertThat(n.execute("GET", "tls:b")).isNull();
            }
        } finally {
            groups.forEach(RedisNodes::close);
        }
    }

    @Test
    void serversThatRequireAClientCertificate_acceptTheEnginesKeystore() throws Exception {
        generateCertificates();
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr", "-subj",
                "/CN=redlock-client");
        openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "client.crt", "-days", "2");
        openssl("pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-out", "client.p12", "-passout",
                "pass:ks-Secret-7");
        List<Integer> tlsPorts = new ArrayList<>();
        List<RedisNode> nodes = new ArrayList<>();
        List<RedisNodes> groups = new ArrayList<>();
        try {
            startTlsNodes(groups, nodes, tlsPorts, "yes");
            List<String> uris = tlsPorts.stream().map(p -> "rediss://127.0.0.1:" + p).toList();
            URL trust = truststore("ts-Secret-5").toUri().toURL();
            URL key = dir.resolve("client.p12").toUri().toURL();
            // a TLS handshake with client certificates takes a while on a loaded machine: a roomy command timeout
            try (Redlock redlock = Redlock.builder().nodes(uris).truststore(trust, "ts-Secret-5")
                    .keystore(key, "ks-Secret-7").commandTimeout(Duration.ofSeconds(5)).build()) {
                Lock lock = redlock.acquire(List.of("tls:mutual"), Duration.ofSeconds(10));
                assertThat(lock.votes()).filteredOn(NodeVote::granted).hasSizeGreaterThanOrEqualTo(2);
                lock.release();
                WakeUpIT.awaitAnswered(lock); // release returns at quorum; the last node may delete a moment later
            }
            // without a client certificate the servers drop the connection after the handshake (TLS 1.3 checks the
            // client's certificate last), which the client cannot tell from a node that does not answer
            try (Redlock redlock = Redlock.builder().nodes(uris).truststore(trust, "ts-Secret-5")
                    .commandTimeout(Duration.ofMillis(500)).build()) {
                assertThatThrownBy(() -> redlock.acquire(List.of("tls:mutual"), Duration.ofSeconds(10), Duration.ZERO))
                        .isInstanceOfSatisfying(LockAcquisitionException.class, e -> {
                            assertThat(e.reason()).isEqualTo(LockAcquisitionException.Reason.UNREACHABLE);
                            assertThat(stackTrace(e)).doesNotContain("ts-Secret-5");
                        });
            }
            for (RedisNode n : nodes) {
                assertThat(n.execute("GET", "tls:mutual")).isNull(); // released, and never taken without a cert
            }
        } finally {
            groups.forEach(RedisNodes::close);
        }
    }

    /** The testkit starts all nodes of a group with the same arguments, so each TLS port needs its own group. */
    private void startTlsNodes(List<RedisNodes> groups, List<RedisNode> nodes, List<Integer> tlsPorts,
            String authClients) throws IOException {
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            RedisNodes one;
            try {
                one = RedisNodes.builder().count(1)
                        .args("--tls-port", Integer.toString(port), "--tls-cert-file",
                                dir.resolve("server.crt").toString(), "--tls-key-file",
                                dir.resolve("server.key").toString(), "--tls-ca-cert-file",
                                dir.resolve("ca.crt").toString(), "--tls-auth-clients", authClients)
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

    /** The test CA in a PKCS12 file, as an operator would give it to the engine. */
    private Path truststore(String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("ca.crt"))) {
            ks.setCertificateEntry("redlock-test-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path file = dir.resolve("truststore.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
        return file;
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
