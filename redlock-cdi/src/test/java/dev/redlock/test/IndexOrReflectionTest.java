package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.redlock.test.problems.duplicate.MetaOther;

/**
 * The extension takes a meta's module, name and resources from the processor index ({@code META-INF/redlock/index})
 * when the index lists the class, and derives them by reflection otherwise: both paths report the same deployment
 * problems, word for word.
 */
final class IndexOrReflectionTest {

    /** Never contacted: every scenario fails before the engines start. */
    private static final Map<String, String> CONFIG = Containers.config("redis://127.0.0.1:1");
    private static final Pattern PROBLEM = Pattern.compile("RL20\\d\\d: [^\\n]*");

    /** What the processor writes for the two scenario packages (sorted, as it writes them). */
    private static final String INDEX = """
            # redlock-index 1
            meta bad-resource:redlock dev.redlock.test.problems.badresource.MetaRedlock lock=name,name isolate=user-{userId
            meta dup:redlock dev.redlock.test.problems.duplicate.MetaOther lock= isolate=
            meta dup:redlock dev.redlock.test.problems.duplicate.MetaRedlock lock= isolate=
            module bad-resource dev.redlock.test.problems.badresource
            module dup dev.redlock.test.problems.duplicate
            """;

    private static final Class<?>[] CLASSES = {dev.redlock.test.problems.badresource.MetaRedlock.class,
            dev.redlock.test.problems.duplicate.MetaRedlock.class, MetaOther.class};

    @Test
    void sameProblems_fromTheIndexAndByReflection(@TempDir Path dir) throws IOException {
        List<String> byReflection = problems(null, CLASSES);
        List<String> fromIndex = problems(index(dir, INDEX), CLASSES);
        assertThat(byReflection).hasSize(3).anyMatch(p -> p.startsWith("RL2002: ")).anyMatch(p -> p.startsWith(
                "RL2006: dev.redlock.test.problems.badresource.MetaRedlock: @RedlockResources(isolate)"));
        assertThat(fromIndex).isEqualTo(byReflection);
    }

    @Test
    void theIndexIsRead_notTheAnnotations_whenItListsTheClass(@TempDir Path dir) throws IOException {
        // an index that disagrees with the class shows which one the extension used
        Path root = index(dir, """
                # redlock-index 1
                meta bad-resource:other dev.redlock.test.problems.badresource.MetaRedlock lock=ok isolate=user-{class}
                module bad-resource dev.redlock.test.problems.badresource
                """);
        assertThat(problems(root, dev.redlock.test.problems.badresource.MetaRedlock.class)).containsExactly(
                "RL2006: dev.redlock.test.problems.badresource.MetaRedlock: @RedlockResources(isolate): malformed"
                        + " resource 'user-{class}': placeholder {class} is a Java keyword; name it like a Java"
                        + " parameter, such as userId (no keyword)");
    }

    private static Path index(Path dir, String text) throws IOException {
        Path file = dir.resolve("META-INF/redlock/index");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return dir;
    }

    /** The deployment problems of booting {@code classes}, with {@code indexRoot} on the class path if not null. */
    private static List<String> problems(Path indexRoot, Class<?>... classes) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(
                indexRoot == null ? new URL[0] : new URL[]{indexRoot.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            Throwable t = catchThrowable(() -> Containers.boot(CONFIG, classes).close());
            assertThat(t).isInstanceOf(DeploymentException.class);
            Matcher m = PROBLEM.matcher(t.getMessage());
            return m.results().map(r -> r.group()).sorted().toList();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
