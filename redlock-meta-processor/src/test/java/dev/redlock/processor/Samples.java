package dev.redlock.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

/** The sample sources and golden files under {@code src/test/resources}, and the compiler the tests use. */
final class Samples {

    /** The two-module sample: {@code demo-student} (two metas, one in a sub-package) and {@code demo-teacher}. */
    static final List<String> TWO_MODULES = List.of("samples/student/package-info.java",
            "samples/student/MetaRedlock.java", "samples/student/web/MetaAudit.java",
            "samples/teacher/package-info.java", "samples/teacher/MetaRedlock.java");

    private Samples() {
    }

    static Compiler javac() {
        return Compiler.javac().withProcessors(new RedlockProcessor());
    }

    static JavaFileObject[] twoModules() {
        List<JavaFileObject> files = new ArrayList<>();
        TWO_MODULES.forEach(path -> files.add(JavaFileObjects.forResource(path)));
        return files.toArray(new JavaFileObject[0]);
    }

    /** A {@code test} package holding the module {@code test-module}, to put the sources of one test in. */
    static JavaFileObject testModule() {
        return JavaFileObjects.forSourceLines("test.package-info", "@Module(\"test-module\")", "package test;",
                "import dev.redlock.api.Module;");
    }

    /** The jar or directory {@code type} was loaded from. */
    static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles files with the system compiler and the processor; returns the diagnostics, or throws if it failed. */
    static String javac(List<String> options, List<Path> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new RedlockProcessor()));
            if (!task.call()) {
                throw new AssertionError("compilation failed:\n" + diagnostics);
            }
        }
        return diagnostics.toString();
    }

    static String text(String path) {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
