package dev.redlock.core.internal;

import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.redisson.client.RedisAuthRequiredException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisLoadingException;
import org.redisson.client.RedisOutOfMemoryException;
import org.redisson.client.RedisReadonlyException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.RedisWrongPasswordException;

/**
 * What went wrong on a node, in the words an operator needs: the client's exceptions say "Unexpected exception
 * while processing command" for a refused connection, and bury the server's reply among channel and command dumps.
 * One classification for votes, exception messages, events and the start-up check, so a kind of failure reads the
 * same everywhere. The text never includes a password: server replies are cut before the client's command dump,
 * and user info in a URI is masked.
 */
final class NodeErrors {

    /** The kinds of node failure the engine tells apart. */
    enum Kind {
        /** Nothing listens on the node's port (the process is down). */
        CONNECTION_REFUSED("connection refused"),
        /** The peer (the node, or a firewall or proxy on the way) reset the connection. */
        CONNECTION_RESET("connection reset"),
        /**
         * The client got no connection to the node from its pool within its timeout (Redisson's "Unable to acquire
         * connection"), so the command was never sent: every pooled connection was busy (a pool too small for the
         * load, or connections held by slow or blocking commands), or none could be made because the node is down
         * and the client is reconnecting. The exception does not tell the two apart.
         */
        POOL_EXHAUSTED("no connection from the pool"),
        /** No answer within the command timeout (the node is paused, overloaded, or the network drops packets). */
        TIMEOUT("timed out"),
        /** The TLS handshake failed: an untrusted certificate, a plain-text server, a protocol mismatch. */
        TLS("TLS handshake failed"),
        /** The server refused the credentials ({@code WRONGPASS}, {@code NOAUTH}). */
        AUTH("authentication failed"),
        /** The user may not run the engine's commands or keys ({@code NOPERM}). */
        PERMISSION("permission denied"),
        /** The node is loading its dataset after a restart ({@code LOADING}). */
        LOADING("loading its dataset"),
        /** The node is a replica and refuses writes ({@code READONLY}). */
        READONLY("read-only replica"),
        /** The node reached {@code maxmemory} with {@code noeviction} ({@code OOM}). */
        OOM("out of memory"),
        /** The connection could not be made or was lost for another reason. */
        CONNECTION("connection failed"),
        /** Any other error. */
        OTHER("error");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The words for this kind in votes and messages, such as {@code connection refused}. */
        String label() {
            return label;
        }
    }

    /** What {@link Kind#POOL_EXHAUSTED} means, in a vote. */
    static final String POOL_DETAIL = "the command was not sent: the client's pool for this node was exhausted or"
            + " cannot connect";
    /** The causes of {@link Kind#POOL_EXHAUSTED} and their fixes, in exception messages. */
    static final String POOL_CAUSES = "If those nodes are up, the client's pools are exhausted by the load: raise"
            + " Redlock.Builder#connectionPoolSize (or setConnectionPoolSize in the Config of a client given with"
            + " Builder#clients); a paused, partitioned or dead node leaves the pool without a connection too";
    private static final Pattern USER_INFO = Pattern.compile("(//)[^/@\\s]*@");
    private static final int MAX_DETAIL = 160;

    private NodeErrors() {
    }

    /** The kind of {@code error}, looking through its causes. */
    static Kind classify(Throwable error) {
        Kind found = null;
        for (Throwable t = Node.unwrap(error); t != null; t = t.getCause() == t ? null : t.getCause()) {
            Kind k = kindOf(t);
            if (k != null && k != Kind.CONNECTION) {
                return k;
            }
            if (k != null && found == null) {
                found = k; // a connection failure; a cause may say more precisely why
            }
        }
        return found != null ? found : Kind.OTHER;
    }

    private static Kind kindOf(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof ConnectException || m.startsWith("Connection refused")) {
            return Kind.CONNECTION_REFUSED;
        }
        if (m.startsWith("Connection reset") || m.contains("Broken pipe")) {
            return Kind.CONNECTION_RESET;
        }
        if (m.startsWith("Unable to acquire connection")) {
            return Kind.POOL_EXHAUSTED; // a RedisTimeoutException, but no command reached the node
        }
        if (t instanceof SSLException || t instanceof java.security.cert.CertificateException) {
            return Kind.TLS;
        }
        if (t instanceof RedisTimeoutException || t instanceof TimeoutException) {
            return Kind.TIMEOUT;
        }
        if (t instanceof RedisWrongPasswordException || t instanceof RedisAuthRequiredException
                || m.contains("WRONGPASS") || m.contains("NOAUTH") || m.contains("invalid password")
                || m.contains("invalid username-password")) {
            return Kind.AUTH;
        }
        if (m.contains("NOPERM")) {
            return Kind.PERMISSION;
        }
        if (t instanceof RedisLoadingException || m.startsWith("LOADING")) {
            return Kind.LOADING;
        }
        if (t instanceof RedisReadonlyException || m.startsWith("READONLY")) {
            return Kind.READONLY;
        }
        if (t instanceof RedisOutOfMemoryException || m.startsWith("OOM")) {
            return Kind.OOM;
        }
        if (t instanceof RedisConnectionException || t instanceof java.nio.channels.ClosedChannelException
                || t instanceof java.net.SocketException) {
            return Kind.CONNECTION;
        }
        return null;
    }

    /**
     * A short description of a node error for votes and messages: the kind, then in parentheses the server's reply
     * or the exception that says most (type and first line), as in {@code connection refused} or
     * {@code read-only replica (READONLY You can't write against a read only replica)}.
     */
    static String describe(Throwable error) {
        Kind kind = classify(error);
        return switch (kind) {
            case CONNECTION_REFUSED, CONNECTION_RESET -> kind.label();
            case TIMEOUT -> kind.label() + " (no answer within the command timeout)";
            case POOL_EXHAUSTED -> kind.label() + " (" + POOL_DETAIL + ")";
            default -> kind.label() + " (" + detail(kind, error) + ")";
        };
    }

    /** The exception of the chain that says most about {@code kind}, described by type and first line. */
    private static String detail(Kind kind, Throwable error) {
        Throwable best = Node.unwrap(error);
        for (Throwable t = best; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (kind == Kind.TLS || kind == Kind.OTHER) {
                best = t; // the root cause: "unable to find valid certification path", not "handshake failed"
            } else if (kindOf(t) == kind) {
                best = t;
                if (kind != Kind.CONNECTION) {
                    break;
                }
            }
        }
        String m = best.getMessage() == null ? "" : firstSentence(best.getMessage());
        if (kind == Kind.OOM && !m.startsWith("OOM")) {
            m = "OOM " + m; // the client drops the server's error code for this one
        }
        boolean reply = !m.isEmpty() && kind != Kind.OTHER && kind != Kind.CONNECTION && kind != Kind.TLS;
        String text = reply ? m : best.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
        text = USER_INFO.matcher(text).replaceAll("$1***@");
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }

    /** The message up to the client's own dump: the first line, cut before ". channel:", "script:" and the like. */
    private static String firstSentence(String m) {
        int end = m.indexOf('\n');
        String s = end < 0 ? m : m.substring(0, end);
        for (String marker : new String[]{". channel:", ". script:", " script:", ". command:", ". data:"}) {
            int i = s.toLowerCase(Locale.ROOT).indexOf(marker);
            if (i >= 0) {
                s = s.substring(0, i);
            }
        }
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.trim();
    }

    /** Whether {@code error} is the server refusing the credentials or the TLS handshake: configuration, not an outage. */
    static boolean isRefusal(Throwable error) {
        Kind k = classify(error);
        return k == Kind.AUTH || k == Kind.PERMISSION || k == Kind.TLS;
    }
}
