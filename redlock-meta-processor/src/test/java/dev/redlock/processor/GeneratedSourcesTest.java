package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.StandardLocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;

final class GeneratedSourcesTest {

    private static final Compilation compilation = Samples.javac().compile(Samples.twoModules());

    @ParameterizedTest
    @ValueSource(strings = {"com.example.student.MetaRedlock_", "com.example.student.web.MetaAudit_",
            "com.example.student.ScopeModuleDemoStudent", "com.example.teacher.MetaRedlock_",
            "com.example.teacher.ScopeModuleDemoTeacher"})
    void generatedSource_matchesGoldenFile(String className) {
        CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
        CompilationSubject.assertThat(compilation).generatedSourceFile(className).contentsAsUtf8String()
                .isEqualTo(Samples.text("golden/" + className.replace('.', '/') + ".java"));
    }

    @Test
    void generatedCode_isFreeOfLintWarnings() {
        CompilationSubject.assertThat(
                Samples.javac().withOptions("-Xlint:all,-processing", "-Werror").compile(Samples.twoModules()))
                .succeededWithoutWarnings();
    }

    @Test
    void unexpectedFailure_isReportedWithItsStackTrace() {
        String message = ProcessorMessages.unexpected(new IllegalStateException("boom"));
        assertThat(message).startsWith("RL3999: RedlockProcessor failed unexpectedly;")
                .contains("java.lang.IllegalStateException: boom")
                .contains("at dev.redlock.processor.GeneratedSourcesTest.unexpectedFailure");
    }

    @Test
    void index_isSortedVersionedAndExact() {
        CompilationSubject.assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/redlock/index").contentsAsUtf8String()
                .isEqualTo(Samples.text("golden/index"));
    }

    @Test
    void index_isNotWrittenWithoutModulesOrMetas() {
        Compilation c = Samples.javac()
                .compile(JavaFileObjects.forSourceLines("test.Plain", "package test;",
                        "class Plain {}"));
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
        assertThat(c.generatedFiles().stream().map(f -> f.toUri().toString()))
                .noneMatch(uri -> uri.contains("META-INF/redlock"));
    }

    @Test
    void moduleWithoutMetas_isIndexedButGetsNoScope() {
        Compilation c = Samples.javac().compile(Samples.testModule());
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
        CompilationSubject.assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/redlock/index")
                .contentsAsUtf8String().isEqualTo("# redlock-index 1\nmodule test-module test\n");
        assertThat(c.generatedSourceFiles()).isEmpty();
    }
}
