package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;

/** The point of the generated types: a resource of the wrong kind, or of another meta, does not compile. */
final class ResourceTypingTest {

    /** Uses the two-module sample's {@code demo-student:redlock} with one call per line. */
    private static Compilation compileUse(String... calls) {
        String[] lines = new String[calls.length + 4];
        lines[0] = "package com.example.student;";
        lines[1] = "class Use {";
        lines[2] = "  void use(MetaRedlock redlock, com.example.teacher.MetaRedlock teacher) throws Exception {";
        System.arraycopy(calls, 0, lines, 3, calls.length);
        lines[lines.length - 1] = "  }}";
        JavaFileObject[] sample = Samples.twoModules();
        JavaFileObject[] all = new JavaFileObject[sample.length + 1];
        System.arraycopy(sample, 0, all, 0, sample.length);
        all[sample.length] = JavaFileObjects.forSourceLines("com.example.student.Use", lines);
        return Samples.javac().compile(all);
    }

    /**
     * The first line of the first error: what a developer reads first. Before the processor's own check, javac's
     * overload dump started with "no suitable method found for lockIsolate(Lock,()->"x")", naming no expected type.
     */
    private static String firstErrorLine(Compilation c) {
        assertThat(c.errors()).as("errors").isNotEmpty();
        return c.errors().get(0).getMessage(Locale.ROOT).lines().findFirst().orElse("");
    }

    private static JavaFileObject use(Compilation c) {
        return c.sourceFiles().get(c.sourceFiles().size() - 1);
    }

    @Test
    void declaredResources_compile() {
        CompilationSubject.assertThat(compileUse(
                "String a = redlock.lock(MetaRedlock_.Lock.NAME, () -> \"some result\");",
                "redlock.lockIsolate(MetaRedlock_.Isolate.NAME, () -> {});",
                "redlock.lockIsolate(MetaRedlock_.Isolate.user(\"42\"), () -> 1);",
                "redlock.lockIsolate(MetaRedlock_.Isolate.order(\"shop\", \"7\"), () -> 1);",
                "teacher.lockIsolate(com.example.teacher.MetaRedlock_.Isolate.course(\"t\", \"c\"), () -> 1);",
                "long t = redlock.lock(MetaRedlock_.Lock.NAME, session -> session.fencingToken());",
                "java.util.Optional<String> o = redlock.tryLock(MetaRedlock_.Lock.NAME, java.time.Duration.ZERO,"
                        + " session -> \"x\");",
                "redlock.lock(java.util.List.of(MetaRedlock_.Lock.NAME), session -> 1);",
                "redlock.lockAsync(MetaRedlock_.Lock.NAME, session ->"
                        + " java.util.concurrent.CompletableFuture.completedFuture(1));",
                "redlock.lockIsolateAsync(MetaRedlock_.Isolate.user(\"1\"), Runnable::run, session -> 1);",
                "dev.redlock.api.LockState s = redlock.isLocked(MetaRedlock_.Lock.NAME);",
                "s = redlock.isLockedIsolate(MetaRedlock_.Isolate.user(\"2\"));",
                "for (MetaRedlock r : java.util.List.of(redlock)) { r.lock(MetaRedlock_.Lock.NAME, () -> 1); }"))
                .succeededWithoutWarnings();
    }

    @Test
    void lockResourcePassedToLockIsolate_doesNotCompile() {
        Compilation c = compileUse("redlock.lockIsolate(MetaRedlock_.Lock.NAME, () -> \"x\");");
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("lockIsolate").inFile(use(c))
                .onLineContaining("redlock.lockIsolate(MetaRedlock_.Lock.NAME");
        assertThat(firstErrorLine(c)).isEqualTo("RL3022: MetaRedlock#lockIsolate takes a"
                + " com.example.student.MetaRedlock_.Isolate, was MetaRedlock_.Lock.NAME (a"
                + " com.example.student.MetaRedlock_.Lock); pass one of its resources, or declare the resource in"
                + " @RedlockResources(isolate = ...) of com.example.student.MetaRedlock");
        assertThat(c.errors()).as("no overload dump after it").hasSize(1);
    }

    @Test
    void isolateResourcePassedToLock_doesNotCompile() {
        Compilation c = compileUse("redlock.lock(MetaRedlock_.Isolate.user(\"42\"), () -> \"x\");");
        CompilationSubject.assertThat(c).hadErrorContaining("lock").inFile(use(c))
                .onLineContaining("redlock.lock(");
        assertThat(firstErrorLine(c)).startsWith("RL3022: MetaRedlock#lock takes a"
                + " com.example.student.MetaRedlock_.Lock, was MetaRedlock_.Isolate.user(\"42\")");
    }

    @Test
    void anotherMetasResource_doesNotCompile() {
        Compilation c = compileUse(
                "teacher.lockIsolate(MetaRedlock_.Isolate.NAME, () -> 1);");
        CompilationSubject.assertThat(c).hadErrorContaining("lockIsolate").inFile(use(c))
                .onLineContaining("teacher.lockIsolate");
        assertThat(firstErrorLine(c)).startsWith("RL3022: MetaRedlock#lockIsolate takes a"
                + " com.example.teacher.MetaRedlock_.Isolate, was MetaRedlock_.Isolate.NAME (a"
                + " com.example.student.MetaRedlock_.Isolate)");
    }

    @Test
    void emptyList_acceptsNothingButNull() {
        // the enum has no constants: only null compiles, and lock rejects it at run time
        Compilation c = compileUse("teacher.lock(null, () -> 1);");
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
        Compilation noConstant = compileUse("teacher.lock(com.example.teacher.MetaRedlock_.Lock.NAME, () -> 1);");
        CompilationSubject.assertThat(noConstant).hadErrorContaining("NAME")
                .inFile(use(noConstant)).onLineContaining("teacher.lock(");
    }

    @Test
    void undeclaredTemplate_doesNotCompile() {
        Compilation c = compileUse("redlock.lockIsolate(MetaRedlock_.Isolate.account(\"1\"), () -> 1);");
        CompilationSubject.assertThat(c).hadErrorContaining("account").inFile(use(c))
                .onLineContaining("account");
    }

    @Test
    void theNewMethods_reportAWrongResourceOnTheirFirstLineToo() {
        assertThat(firstErrorLine(compileUse(
                "redlock.tryLock(MetaRedlock_.Isolate.user(\"1\"), java.time.Duration.ZERO, s -> 1);")))
                .startsWith("RL3022: MetaRedlock#tryLock takes a com.example.student.MetaRedlock_.Lock,");
        assertThat(firstErrorLine(compileUse(
                "redlock.lock(java.util.List.of(MetaRedlock_.Lock.NAME, MetaRedlock_.Isolate.NAME), s -> 1);")))
                .startsWith("RL3022: MetaRedlock#lock takes a com.example.student.MetaRedlock_.Lock,"
                        + " was MetaRedlock_.Isolate.NAME");
        assertThat(firstErrorLine(compileUse("redlock.isLocked(MetaRedlock_.Isolate.NAME);")))
                .startsWith("RL3022: MetaRedlock#isLocked takes a com.example.student.MetaRedlock_.Lock,");
        assertThat(firstErrorLine(compileUse("teacher.lockIsolateAsync(MetaRedlock_.Isolate.NAME, Runnable::run,"
                + " s -> 1);"))).startsWith("RL3022: MetaRedlock#lockIsolateAsync takes a"
                        + " com.example.teacher.MetaRedlock_.Isolate,");
    }

    @Test
    void aReceiverItCannotResolve_isLeftToJavac() {
        // a local declared with var: the check stays silent rather than guess; javac still refuses the call
        Compilation c = compileUse("var r = redlock;", "r.lockIsolate(MetaRedlock_.Lock.NAME, () -> \"x\");");
        CompilationSubject.assertThat(c).failed();
        assertThat(firstErrorLine(c)).doesNotStartWith("RL3022");
    }
}
