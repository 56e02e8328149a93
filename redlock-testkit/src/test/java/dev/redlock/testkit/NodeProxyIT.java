package dev.redlock.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The per-node TCP proxy: it forwards, and cuts, delays and drops one direction on request while the server keeps
 * running and answers direct clients.
 */
@WithRedisNodes(count = 1, lifecycle = WithRedisNodes.Lifecycle.PER_METHOD)
final class NodeProxyIT {

    private static final int TIMEOUT_MILLIS = 5_000;

    @Test
    void forwardsCommands_onItsOwnPort(RedisNodes nodes) {
        RedisNode node = nodes.node(0);
        NodeProxy proxy = node.proxy();
        assertThat(node.proxy()).isSameAs(proxy);
        assertThat(proxy.port()).isNotEqualTo(node.port());
        assertThat(proxy.uri()).isEqualTo("redis://127.0.0.1:" + proxy.port());
        assertThat(nodes.proxiedUris()).containsExactly(proxy.uri());
        assertThat(call(proxy, "SET", "k", "v")).isEqualTo("OK");
        assertThat(node.execute("GET", "k")).isEqualTo("v");
        assertThat(call(proxy, "GET", "k")).isEqualTo("v");
    }

    @Test
    void cut_closesOpenConnections_resetsNewOnes_andHealAcceptsAgainOnTheSamePort(RedisNodes nodes)
            throws IOException {
        NodeProxy proxy = nodes.node(0).proxy();
        try (Socket open = connect(proxy)) {
            assertThat(ping(open)).isEqualTo("+PONG\r\n");
            proxy.cut();
            assertThat(proxy.isCut()).isTrue();
            assertThat(readToEnd(open.getInputStream())).as("the open connection is closed").isEqualTo(-1);
        }
        assertThatThrownBy(() -> { // reset while connecting or on the first read: no answer, ever
            try (Socket fresh = connect(proxy)) {
                ping(fresh);
            }
        }).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> Resp.call(proxy.host(), proxy.port(), null, TIMEOUT_MILLIS, "PING"))
                .isInstanceOf(RedisCommandException.class);
        assertThat(nodes.node(0).ping()).as("the server itself runs on").isTrue();
        proxy.heal();
        assertThat(proxy.isCut()).isFalse();
        assertThat(call(proxy, "PING")).isEqualTo("PONG");
    }

    @Test
    void delay_slowsEveryAnswer_untilHealed(RedisNodes nodes) {
        NodeProxy proxy = nodes.node(0).proxy();
        proxy.delay(Duration.ofMillis(300));
        // 300 ms each way: an answer cannot come within 200 ms, and does come within 5 s
        assertThatThrownBy(() -> Resp.call(proxy.host(), proxy.port(), null, 200, "PING"))
                .isInstanceOf(RedisCommandException.class);
        assertThat(call(proxy, "PING")).isEqualTo("PONG");
        proxy.heal();
        assertThat(call(proxy, "PING")).isEqualTo("PONG");
        assertThatThrownBy(() -> proxy.delay(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delay must not be negative, was PT-0.001S");
    }

    @Test
    void droppingCommands_theServerNeverSeesThem(RedisNodes nodes) {
        RedisNode node = nodes.node(0);
        NodeProxy proxy = node.proxy();
        proxy.drop(NodeProxy.Direction.TO_SERVER);
        assertThatThrownBy(() -> Resp.call(proxy.host(), proxy.port(), null, 500, "SET", "lost", "1"))
                .isInstanceOf(RedisCommandException.class);
        // a direct command is ordered after the dropped one on the server, if that had arrived at all
        assertThat(node.execute("GET", "lost")).isNull();
        proxy.heal();
        assertThat(call(proxy, "SET", "lost", "2")).isEqualTo("OK");
    }

    @Test
    void droppingReplies_theServerExecutesButTheClientHearsNothing(RedisNodes nodes) {
        RedisNode node = nodes.node(0);
        NodeProxy proxy = node.proxy();
        proxy.drop(NodeProxy.Direction.TO_CLIENT);
        assertThatThrownBy(() -> Resp.call(proxy.host(), proxy.port(), null, 500, "INCR", "n"))
                .isInstanceOf(RedisCommandException.class);
        assertThat(node.execute("GET", "n")).isEqualTo("1");
        proxy.heal();
        assertThat(call(proxy, "INCR", "n")).isEqualTo(2L);
    }

    @Test
    void closingTheNodes_closesTheProxy() {
        NodeProxy proxy;
        try (RedisNodes nodes = RedisNodes.start(1)) {
            proxy = nodes.node(0).proxy();
            assertThat(call(proxy, "PING")).isEqualTo("PONG");
            nodes.node(0).proxy().heal(); // not cut: nothing to do
        }
        assertThat(proxy.isCut()).isTrue();
        assertThatThrownBy(proxy::heal).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static Object call(NodeProxy proxy, String... command) {
        return Resp.call(proxy.host(), proxy.port(), null, TIMEOUT_MILLIS, command);
    }

    private static Socket connect(NodeProxy proxy) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(proxy.host(), proxy.port()), TIMEOUT_MILLIS);
        s.setSoTimeout(TIMEOUT_MILLIS);
        return s;
    }

    /** PING on {@code s}; the 7 bytes of the answer, or an IOException if the connection ends first. */
    private static String ping(Socket s) throws IOException {
        s.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] answer = s.getInputStream().readNBytes(7);
        if (answer.length < 7) {
            throw new java.io.EOFException("connection ended after " + answer.length + " bytes");
        }
        return new String(answer, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int readToEnd(InputStream in) throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        int r;
        do {
            r = in.read();
        } while (r >= 0 && System.nanoTime() < end);
        return r;
    }
}
