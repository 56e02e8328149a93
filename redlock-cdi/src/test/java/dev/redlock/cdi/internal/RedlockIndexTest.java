package dev.redlock.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

final class RedlockIndexTest {

    private static RedlockIndex read(String text) throws IOException {
        RedlockIndex index = new RedlockIndex();
        index.read("test-index", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return index;
    }

    @Test
    void read_modulesAndMetas() throws IOException {
        RedlockIndex index = read("# redlock-index 1\n"
                + "meta demo-student:redlock com.example.student.MetaRedlock lock= isolate=name,user-{userId}\n"
                + "module demo-student com.example.student\n");
        assertThat(index.problems).isEmpty();
        assertThat(index.modules).containsExactly(java.util.Map.entry("com.example.student", "demo-student"));
        assertThat(index.metas).containsEntry("com.example.student.MetaRedlock",
                new RedlockIndex.Entry("demo-student", "redlock", java.util.List.of(),
                        java.util.List.of("name", "user-{userId}")));
        assertThat(index.packageOf("demo-student")).isEqualTo("com.example.student");
        assertThat(index.packageOf("other")).isNull();
    }

    @Test
    void read_unknownVersion_namesTheSupportedOne() throws IOException {
        RedlockIndex index = read("# redlock-index 2\nmodule x y\n");
        assertThat(index.modules).isEmpty();
        assertThat(index.problems).singleElement().extracting(Throwable::getMessage).asString()
                .startsWith("RL2015: test-index: unsupported redlock index version, was 2; this redlock-cdi reads"
                        + " version 1 only");
    }

    @Test
    void read_missingHeaderOrMalformedLine() throws IOException {
        assertThat(read("module x y\n").problems).singleElement().extracting(Throwable::getMessage).asString()
                .contains("RL2015: test-index: not a redlock index");
        assertThat(read("# redlock-index 1\nmodule x\n").problems).singleElement().extracting(Throwable::getMessage)
                .asString().contains("RL2015: test-index:2: malformed line, was 'module x'");
        assertThat(read("# redlock-index 1\nmeta a:b c.D lock=x\n").problems).singleElement()
                .extracting(Throwable::getMessage).asString()
                .contains("RL2015: test-index:2: malformed line, was 'meta a:b c.D lock=x'");
    }
}
