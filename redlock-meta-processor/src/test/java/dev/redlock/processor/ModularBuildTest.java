package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application with a {@code module-info}: the generated code must compile there too. Such modules rarely require
 * {@code java.compiler}, so the generated classes leave {@code @Generated} out unless they do.
 */
final class ModularBuildTest {

    @TempDir
    Path dir;

    @Test
    void namedModuleWithoutJavaCompiler_compilesWithoutGenerated() throws Exception {
        String gen = compileModule("");
        assertThat(gen).doesNotContain("@Generated").contains("public final class MetaRedlock_ {");
    }

    @Test
    void namedModuleRequiringJavaCompiler_getsGenerated() throws Exception {
        String gen = compileModule("requires static java.compiler;");
        assertThat(gen).contains("@Generated(\"dev.redlock.processor.RedlockProcessor\")");
    }

    private String compileModule(String extraRequires) throws Exception {
        Path src = dir.resolve("src");
        Path pkg = src.resolve("com/example/student");
        Files.createDirectories(pkg);
        Files.writeString(src.resolve("module-info.java"), "module app { requires dev.redlock.api; requires jakarta.cdi;"
                + " requires jakarta.inject; " + extraRequires + " opens com.example.student; }");
        Files.writeString(pkg.resolve("package-info.java"), Samples.text("samples/student/package-info.java"));
        Files.writeString(pkg.resolve("MetaRedlock.java"), Samples.text("samples/student/MetaRedlock.java"));
        List<String> modulePath = new ArrayList<>();
        for (Class<?> c : List.of(dev.redlock.api.Meta.class, jakarta.inject.Inject.class,
                jakarta.enterprise.context.ApplicationScoped.class, org.jspecify.annotations.NullMarked.class,
                jakarta.annotation.Priority.class, jakarta.interceptor.Interceptor.class, jakarta.el.ELContext.class,
                jakarta.enterprise.lang.model.AnnotationInfo.class)) {
            modulePath.add(Samples.location(c));
        }
        Path out = dir.resolve("classes");
        Path gen = dir.resolve("generated");
        Files.createDirectories(gen);
        Samples.javac(List.of("-d", out.toString(), "-s", gen.toString(), "--module-path",
                String.join(File.pathSeparator, modulePath)),
                List.of(src.resolve("module-info.java"), pkg.resolve("package-info.java"),
                        pkg.resolve("MetaRedlock.java")));
        assertThat(out.resolve("com/example/student/ScopeModuleDemoStudent.class")).exists();
        assertThat(out.resolve(IndexFile.PATH)).exists();
        return Files.readString(gen.resolve("com/example/student/MetaRedlock_.java"));
    }
}
