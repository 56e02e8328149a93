package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;

final class ScaffoldTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int scaffold(String... args) {
        return Scaffold.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private JavaFileObject source(String relative) throws MalformedURLException {
        return JavaFileObjects.forResource(dir.resolve(relative).toUri().toURL());
    }

    @Test
    void createsAMetaAndItsModule_thatCompileWithTheProcessor() throws Exception {
        int status = scaffold("--module", "demo-student", "--package", "com.example.student", "--dir",
                dir.toString());

        assertThat(status).isZero();
        Path meta = dir.resolve("com/example/student/MetaRedlock.java");
        Path info = dir.resolve("com/example/student/package-info.java");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("created " + meta + "\ncreated " + info + "\n");
        assertThat(Files.readString(meta)).contains("@Meta\n@RedlockResources(lock = {}, isolate = {})\n"
                + "public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {");
        assertThat(Files.readString(info)).contains("@Module(\"demo-student\")\npackage com.example.student;");

        Compilation c = Samples.javac().compile(source("com/example/student/package-info.java"),
                source("com/example/student/MetaRedlock.java"));
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
        CompilationSubject.assertThat(c).generatedSourceFile("com.example.student.ScopeModuleDemoStudent");
        CompilationSubject.assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, IndexFile.PATH)
                .contentsAsUtf8String().isEqualTo("# redlock-index 1\n"
                        + "meta demo-student:redlock com.example.student.MetaRedlock lock= isolate=\n"
                        + "module demo-student com.example.student\n");
    }

    @Test
    void secondRun_refusesToOverwrite() throws Exception {
        assertThat(scaffold("--module=demo-student", "--package=com.example.student", "--dir=" + dir)).isZero();
        Path meta = dir.resolve("com/example/student/MetaRedlock.java");
        Files.writeString(meta, Files.readString(meta).replace("lock = {}", "lock = {\"name\"}"));
        String edited = Files.readString(meta);
        out.reset();

        int status = scaffold("--module=demo-student", "--package=com.example.student", "--dir=" + dir);

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(meta + " exists already; refusing to overwrite");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(meta)).isEqualTo(edited);
    }

    @Test
    void anotherMetaInTheSameModule_keepsThePackageInfo() throws Exception {
        assertThat(scaffold("--module", "demo-student", "--package", "com.example.student", "--dir", dir.toString()))
                .isZero();
        out.reset();
        assertThat(scaffold("--module", "demo-student", "--package", "com.example.student.web", "--name", "audit",
                "--dir", dir.toString())).isZero();
        assertThat(dir.resolve("com/example/student/web/MetaAudit.java")).exists();
        assertThat(dir.resolve("com/example/student/web/package-info.java")).doesNotExist();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is in module demo-student through a parent");

        Compilation c = Samples.javac().compile(source("com/example/student/package-info.java"),
                source("com/example/student/MetaRedlock.java"), source("com/example/student/web/MetaAudit.java"));
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void packageOfAnotherModule_isRefusedBeforeWriting() throws Exception {
        assertThat(scaffold("--module", "demo-student", "--package", "p", "--dir", dir.toString())).isZero();
        assertThat(scaffold("--module", "other", "--package", "p", "--name", "x", "--dir", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("declares module 'demo-student', not 'other'");
        assertThat(dir.resolve("p/MetaX.java")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--package com.example", "--module demo-student", "--module Demo --package p",
            "--module demo --package com..x", "--module demo --package p --name Redlock",
            "--module demo --package p --name new", "--module demo --package p --bogus 1",
            "--module demo --package"})
    void badArguments_printUsageAndExit2(String args) {
        assertThat(scaffold(args.split(" "))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("usage: Scaffold");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void help_printsUsage() {
        assertThat(scaffold("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: Scaffold --module");
    }
}
