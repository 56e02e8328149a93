package dev.redlock.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisLoadingException;

/**
 * The classification of errors that the node tests cannot provoke cheaply (LOADING, a wrapped TLS failure, the
 * engine's own timeout, an unknown error), from the exceptions the client raises for them.
 */
final class NodeErrorsTest {

    @Test
    void loading_isTold() {
        Throwable e = new CompletionException(new RedisLoadingException(
                "LOADING Redis is loading the dataset in memory. channel: [id: 0x1] data: CommandData [x]"));
        assertThat(NodeErrors.classify(e)).isEqualTo(NodeErrors.Kind.LOADING);
        assertThat(NodeErrors.describe(e))
                .isEqualTo("loading its dataset (LOADING Redis is loading the dataset in memory)");
    }

    @Test
    void aRefusedConnection_isToldThroughTheClientsWrapper() {
        Throwable e = new RedisException("Unexpected exception while processing command",
                new RedisConnectionException("cannot connect", new ConnectException("Connection refused")));
        assertThat(NodeErrors.describe(e)).isEqualTo("connection refused");
    }

    @Test
    void anExhaustedPool_isNotATimeout() {
        Throwable e = new CompletionException(new org.redisson.client.RedisTimeoutException(
                "Unable to acquire connection! Increase connection pool size. Node source: NodeSource [x],"
                        + " command: (EVALSHA), params: [abc] after 0 of 0 retry attempts"));
        assertThat(NodeErrors.classify(e)).isEqualTo(NodeErrors.Kind.POOL_EXHAUSTED);
        assertThat(NodeErrors.describe(e)).isEqualTo("no connection from the pool (the command was not sent: the"
                + " client's pool for this node was exhausted or cannot connect)");
    }

    @Test
    void aResetConnection_isTold() {
        Throwable e = new RedisException("Unexpected exception while processing command",
                new java.io.IOException("Connection reset by peer"));
        assertThat(NodeErrors.describe(e)).isEqualTo("connection reset");
    }

    @Test
    void tlsEnginesTimeoutAndOthers() {
        Throwable tls = new RedisConnectionException("connect failed",
                new SSLHandshakeException("unable to find valid certification path"));
        assertThat(NodeErrors.describe(tls))
                .isEqualTo("TLS handshake failed (SSLHandshakeException: unable to find valid certification path)");
        assertThat(NodeErrors.isRefusal(tls)).isTrue();
        assertThat(NodeErrors.describe(new TimeoutException("no answer")))
                .isEqualTo("timed out (no answer within the command timeout)");
        assertThat(NodeErrors.describe(new RedisException("ERR something else")))
                .isEqualTo("error (RedisException: ERR something else)");
        assertThat(NodeErrors.describe(new IllegalStateException("bad redis://u:secret@host:1 reply")))
                .isEqualTo("error (IllegalStateException: bad redis://***@host:1 reply)").doesNotContain("secret");
        assertThat(NodeErrors.isRefusal(new RedisException("NOPERM this user has no permissions"))).isTrue();
    }
}
