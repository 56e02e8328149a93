package dev.redlock.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Finds the {@code redis-server} to run: the system property {@value #OVERRIDE_PROPERTY} if set, else the first one
 * on the search path, else the binary shipped in the {@code embedded-redis} artifact for this OS and CPU, extracted
 * once into the temporary directory.
 */
final class RedisBinary {

    static final String OVERRIDE_PROPERTY = "redlock.testkit.redis-server";

    private RedisBinary() {
    }

    static String locate(@Nullable String searchPath) {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            if (!Files.isExecutable(Path.of(override))) {
                throw new IllegalStateException("system property " + OVERRIDE_PROPERTY + " names '" + override
                        + "', which is not an executable file; fix the path or remove the property");
            }
            return override;
        }
        Path onPath = findOnPath(searchPath == null ? "" : searchPath);
        return onPath != null ? onPath.toString() : extractEmbedded().toString();
    }

    private static @Nullable Path findOnPath(String searchPath) {
        String name = isWindows() ? "redis-server.exe" : "redis-server";
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    static Path extractEmbedded() {
        String resource = embeddedResourceName();
        Path dir = Launcher.stateDirectory().resolve("bin");
        try (InputStream in = RedisBinary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on PATH and no '" + resource + "' on the class path;"
                        + " install redis-server or add a dependency on com.github.codemonstur:embedded-redis");
            }
            Files.createDirectories(dir);
            byte[] bytes = in.readAllBytes();
            Path target = dir.resolve(resource + "-" + bytes.length);
            if (Files.isExecutable(target) && Files.size(target) == bytes.length) {
                return target;
            }
            Path tmp = Files.createTempFile(dir, resource, ".tmp");
            Files.write(tmp, bytes);
            if (!tmp.toFile().setExecutable(true, false)) {
                throw new IOException("cannot make " + tmp + " executable");
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("cannot extract the embedded redis-server '" + resource + "' into " + dir
                    + ": " + e.getMessage(), e);
        }
    }

    private static String embeddedResourceName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm64");
        if (os.contains("linux")) {
            if (arm) {
                return "redis-server-6.2.7-linux-arm64";
            }
            return arch.contains("64") ? "redis-server-6.2.6-v5-linux-amd64" : "redis-server-6.2.7-linux-386";
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        if (os.contains("win")) {
            return "redis-server-5.0.14.1-windows-amd64.exe";
        }
        throw new IllegalStateException("no embedded redis-server for os.name='" + os + "', os.arch='" + arch
                + "'; install redis-server on PATH or set -D" + OVERRIDE_PROPERTY + "=/path/to/redis-server");
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }
}
