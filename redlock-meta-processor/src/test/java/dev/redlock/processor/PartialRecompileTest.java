package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build tool that recompiles only the changed sources (Maven with {@code useIncrementalCompilation=false}) runs
 * the processor on part of the module; the index and the scope classes must still cover the whole module.
 */
final class PartialRecompileTest {

    @TempDir
    Path dir;

    @Test
    void recompilingOneMeta_keepsTheOthersInIndexAndScope() throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Path gen = dir.resolve("generated");
        List<Path> all = new ArrayList<>();
        for (String sample : Samples.TWO_MODULES) {
            Path target = src.resolve(sample.replace("samples/", "com/example/"));
            Files.createDirectories(target.getParent());
            Files.writeString(target, Samples.text(sample));
            all.add(target);
        }
        compile(all, out, gen);
        String full = Files.readString(out.resolve(IndexFile.PATH));
        assertThat(full).isEqualTo(Samples.text("golden/index"));

        Path changed = src.resolve("com/example/student/MetaRedlock.java");
        Files.writeString(changed, Files.readString(changed).replace("\"user.name\"", "\"account-{id}\""));
        compile(List.of(changed), out, gen);

        assertThat(Files.readString(out.resolve(IndexFile.PATH)))
                .isEqualTo(full.replace("user.name", "account-{id}"));
        assertThat(Files.readString(gen.resolve("com/example/student/ScopeModuleDemoStudent.java")))
                .isEqualTo(Samples.text("golden/com/example/student/ScopeModuleDemoStudent.java"));
    }

    @Test
    void recompilingNothingOfOurs_leavesTheIndexAlone() throws Exception {
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out.resolve("META-INF/redlock"));
        Files.writeString(out.resolve(IndexFile.PATH), "# redlock-index 1\nmodule kept elsewhere\n");
        Path plain = src.resolve("p/Plain.java");
        Files.createDirectories(plain.getParent());
        Files.writeString(plain, "package p; class Plain {}");
        compile(List.of(plain), out, dir.resolve("generated"));
        assertThat(Files.readString(out.resolve(IndexFile.PATH))).isEqualTo("# redlock-index 1\nmodule kept elsewhere\n");
    }

    private static void compile(List<Path> sources, Path out, Path gen) throws IOException {
        Files.createDirectories(out);
        Files.createDirectories(gen);
        List<String> classPath = new ArrayList<>(List.of(out.toString()));
        for (Class<?> c : List.of(dev.redlock.api.Meta.class, jakarta.inject.Inject.class,
                jakarta.enterprise.context.ApplicationScoped.class, org.jspecify.annotations.NullMarked.class)) {
            classPath.add(Samples.location(c));
        }
        Samples.javac(List.of("-d", out.toString(), "-s", gen.toString(), "-cp",
                String.join(File.pathSeparator, classPath)), sources);
    }
}
