package dev.redlock.core.nodes;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A node URI ({@code redis://[user:password@]host[:port][/database]}, or {@code rediss://} for TLS), parsed and
 * checked: the one parser of the engine's builder and of redlock-cdi's configuration (this package is exported to
 * {@code dev.redlock.cdi} only; it is no API). {@link #toString()} and {@link #mask(String)} never show the password.
 *
 * @param scheme   {@code redis} or {@code rediss}
 * @param host     the host name or address
 * @param port     the port, 6379 if the URI gives none
 * @param user     the ACL user, or {@code null}
 * @param password the password, or {@code null}
 * @param database the database number (the URI's path), 0 if none
 * @param extra    whether the URI has a path, a query or a fragment (callers that accept only scheme, credentials,
 *                 host and port refuse it)
 */
public record NodeUri(String scheme, String host, int port, @Nullable String user, @Nullable String password,
        int database, boolean extra) {

    /** What is wrong with a URI; each caller words the fix in its own terms. */
    public enum Problem {
        /** Not a URI at all. */
        NOT_A_URI,
        /** A scheme other than {@code redis} or {@code rediss}. */
        SCHEME,
        /** No host. */
        HOST,
        /** A port outside 1–65535. */
        PORT,
        /** A path that is not a database number. */
        DATABASE
    }

    /** A URI that cannot name a node. */
    public static final class InvalidUri extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** What is wrong. */
        private final Problem problem;

        /**
         * A URI with {@code problem}.
         *
         * @param problem what is wrong
         * @param detail  the parser's message, or empty
         */
        InvalidUri(Problem problem, String detail) {
            super(detail);
            this.problem = problem;
        }

        /**
         * What is wrong.
         *
         * @return the problem
         */
        public Problem problem() {
            return problem;
        }
    }

    /**
     * Parses {@code text}.
     *
     * @param text the URI
     * @return the parsed URI
     * @throws InvalidUri naming the problem (its message is the URI parser's, if any, never the password)
     */
    public static NodeUri parse(String text) {
        URI u;
        try {
            u = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new InvalidUri(Problem.NOT_A_URI, mask(e.getMessage()));
        }
        String scheme = u.getScheme();
        if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
            throw new InvalidUri(Problem.SCHEME, "");
        }
        String host = u.getHost();
        if (host == null || host.isEmpty()) {
            throw new InvalidUri(Problem.HOST, "");
        }
        int port = u.getPort() == -1 ? 6379 : u.getPort();
        if (port < 1 || port > 65_535) {
            throw new InvalidUri(Problem.PORT, "");
        }
        String user = null;
        String password = null;
        String info = u.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            String rawUser = colon < 0 ? "" : info.substring(0, colon);
            String rawPassword = colon < 0 ? info : info.substring(colon + 1);
            user = rawUser.isEmpty() ? null : decode(rawUser);
            password = rawPassword.isEmpty() ? null : decode(rawPassword);
        }
        int db = 0;
        String path = u.getPath();
        boolean hasPath = path != null && path.length() > 1;
        if (hasPath) {
            try {
                db = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new InvalidUri(Problem.DATABASE, "");
            }
        }
        return new NodeUri(scheme, host, port, user, password, db,
                hasPath || u.getRawQuery() != null || u.getRawFragment() != null);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * This node with other credentials.
     *
     * @param newUser     the ACL user, or {@code null}
     * @param newPassword the password, or {@code null}
     * @return the copy
     */
    public NodeUri withCredentials(@Nullable String newUser, @Nullable String newPassword) {
        return new NodeUri(scheme, host, port, newUser, newPassword, database, extra);
    }

    /**
     * The URI with the credentials (percent-encoded) and the database: what {@link #parse} reads back as this node.
     * It shows the password: give it to the engine's builder, never to a log ({@link #toString()} is for that).
     *
     * @return {@code scheme://[user:password@]host:port[/database]}
     */
    public String toUri() {
        String info = "";
        if (user != null || password != null) {
            info = (user == null ? "" : encode(user)) + ":" + (password == null ? "" : encode(password)) + "@";
        }
        return scheme + "://" + info + name() + (database == 0 ? "" : "/" + database);
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * The node as {@code host:port} (an IPv6 host in brackets): its name in votes and messages.
     *
     * @return the name
     */
    public String name() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * The address without credentials and database.
     *
     * @return {@code scheme://host:port}
     */
    public String address() {
        return scheme + "://" + name();
    }

    /**
     * Whether the node is reached over TLS.
     *
     * @return whether the scheme is {@code rediss}
     */
    public boolean tls() {
        return scheme.equals("rediss");
    }

    /**
     * {@code uri} with the user information (user and password) replaced by {@code ***}.
     *
     * @param uri a URI as given
     * @return the URI safe to show
     */
    public static String mask(String uri) {
        int at = uri.lastIndexOf('@');
        int scheme = uri.indexOf("://");
        if (at > 0 && scheme >= 0 && at > scheme) {
            return uri.substring(0, scheme + 3) + "***@" + uri.substring(at + 1);
        }
        return uri;
    }

    /**
     * The {@code host:port} of a Redisson address, or the masked address if it cannot be parsed.
     *
     * @param address a Redisson address such as {@code redis://host:6379}
     * @return the node name
     */
    public static String hostPort(String address) {
        try {
            URI u = new URI(address);
            if (u.getHost() != null) {
                return u.getHost() + ":" + (u.getPort() == -1 ? 6379 : u.getPort());
            }
        } catch (URISyntaxException e) {
            // fall through
        }
        return mask(address);
    }

    /** The address and database, never the credentials. */
    @Override
    public String toString() {
        return address() + (database == 0 ? "" : "/" + database);
    }
}
