package dev.redlock.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A minimal RESP2 client: one connection per call. Enough to check and seed servers from tests without depending
 * on a Redis client library; not meant for load.
 */
final class Resp {

    private Resp() {
    }

    static @Nullable Object call(String host, int port, @Nullable String password, int timeoutMillis, String... args) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            if (password != null) {
                write(out, "AUTH", password);
                Object auth = read(in);
                if (auth instanceof ErrorReply e) {
                    throw new RedisCommandException(host + ":" + port + ": AUTH failed: " + e.message());
                }
            }
            write(out, args);
            Object reply = read(in);
            if (reply instanceof ErrorReply e) {
                throw new RedisCommandException(host + ":" + port + ": " + args[0] + " failed: " + e.message());
            }
            return reply;
        } catch (IOException e) {
            throw new RedisCommandException(host + ":" + port + ": " + args[0] + " failed: " + e, e);
        }
    }

    private static void write(OutputStream out, String... args) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            buf.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            buf.writeBytes(bytes);
            buf.writeBytes(new byte[]{'\r', '\n'});
        }
        out.write(buf.toByteArray());
        out.flush();
    }

    private static @Nullable Object read(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new IOException("connection closed by the server");
        }
        String line = readLine(in);
        switch (type) {
            case '+' :
                return line;
            case '-' :
                return new ErrorReply(line);
            case ':' :
                return Long.parseLong(line);
            case '$' : {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(len + 2);
                if (data.length < len + 2) {
                    throw new IOException("connection closed in a bulk reply");
                }
                return new String(data, 0, len, StandardCharsets.UTF_8);
            }
            case '*' : {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    return null;
                }
                List<@Nullable Object> items = new ArrayList<>(len);
                for (int i = 0; i < len; i++) {
                    Object item = read(in);
                    items.add(item instanceof ErrorReply e ? e.message() : item);
                }
                return items;
            }
            default :
                throw new IOException("unexpected RESP type byte " + type);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in a reply line");
            }
            if (prev == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            prev = b;
        }
    }

    private record ErrorReply(String message) {
    }
}
