package dev.redlock.processor;

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
                "teacher.lockIsolate(com.example.teacher.MetaRedlock_.Isolate.course(\"t\", \"c\"), () -> 1);"))
                .succeededWithoutWarnings();
    }

    @Test
    void lockResourcePassedToLockIsolate_doesNotCompile() {
        Compilation c = compileUse("redlock.lockIsolate(MetaRedlock_.Lock.NAME, () -> \"x\");");
        CompilationSubject.assertThat(c).failed();
        CompilationSubject.assertThat(c).hadErrorContaining("lockIsolate").inFile(use(c))
                .onLineContaining("redlock.lockIsolate(MetaRedlock_.Lock.NAME");
    }

    @Test
    void isolateResourcePassedToLock_doesNotCompile() {
        Compilation c = compileUse("redlock.lock(MetaRedlock_.Isolate.user(\"42\"), () -> \"x\");");
        CompilationSubject.assertThat(c).hadErrorContaining("lock").inFile(use(c))
                .onLineContaining("redlock.lock(");
    }

    @Test
    void anotherMetasResource_doesNotCompile() {
        Compilation c = compileUse(
                "teacher.lockIsolate(MetaRedlock_.Isolate.NAME, () -> 1);");
        CompilationSubject.assertThat(c).hadErrorContaining("lockIsolate").inFile(use(c))
                .onLineContaining("teacher.lockIsolate");
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
}
