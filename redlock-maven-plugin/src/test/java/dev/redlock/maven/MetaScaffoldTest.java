package dev.redlock.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

import dev.redlock.processor.RedlockProcessor;

final class MetaScaffoldTest {

    @TempDir
    Path dir;

    private final Compiler javac = Compiler.javac().withProcessors(new RedlockProcessor());

    private List<String> scaffold(String module, String pkg, String name) throws Exception {
        return MetaScaffold.create(dir, module, pkg, name, List.of(), List.of());
    }

    private JavaFileObject source(String relative) throws MalformedURLException {
        return JavaFileObjects.forResource(dir.resolve(relative).toUri().toURL());
    }

    @Test
    void createsAMetaAndItsModule_thatCompileWithTheProcessor() throws Exception {
        List<String> lines = scaffold("demo-student", "com.example.student", "redlock");

        Path meta = dir.resolve("com/example/student/MetaRedlock.java");
        Path info = dir.resolve("com/example/student/package-info.java");
        assertThat(lines).containsExactly("created " + meta, "created " + info);
        assertThat(Files.readString(meta)).contains("@Meta\n@RedlockResources(lock = {}, isolate = {})\n"
                + "public class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {");
        assertThat(Files.readString(info)).contains("@Module(\"demo-student\")\npackage com.example.student;");

        Compilation c = javac.compile(source("com/example/student/package-info.java"),
                source("com/example/student/MetaRedlock.java"));
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
        CompilationSubject.assertThat(c).generatedSourceFile("com.example.student.ScopeModuleDemoStudent");
        CompilationSubject.assertThat(c).generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/redlock/index")
                .contentsAsUtf8String().isEqualTo("# redlock-index 1\n"
                        + "meta demo-student:redlock com.example.student.MetaRedlock lock= isolate=\n"
                        + "module demo-student com.example.student\n");
    }

    @Test
    void declaredResources_becomeTheGeneratedTypes() throws Exception {
        MetaScaffold.create(dir, "shop", "com.example.shop", "redlock", List.of("name"),
                List.of("name", "user-{userId}"));

        assertThat(Files.readString(dir.resolve("com/example/shop/MetaRedlock.java")))
                .contains("@RedlockResources(lock = {\"name\"}, isolate = {\"name\", \"user-{userId}\"})");
        Compilation c = javac.compile(source("com/example/shop/package-info.java"),
                source("com/example/shop/MetaRedlock.java"));
        CompilationSubject.assertThat(c).succeeded();
        CompilationSubject.assertThat(c).generatedSourceFile("com.example.shop.MetaRedlock_").contentsAsUtf8String()
                .contains("public static Isolate user(String userId)");
    }

    @Test
    void resources_areWrittenAsJavaStringLiterals() {
        assertThat(MetaScaffold.metaSource("m", "p", "MetaRedlock", List.of("a\"b\\c"), List.of()))
                .contains("@RedlockResources(lock = {\"a\\\"b\\\\c\"}, isolate = {})");
    }

    @Test
    void secondRun_refusesToOverwrite() throws Exception {
        scaffold("demo-student", "com.example.student", "redlock");
        Path meta = dir.resolve("com/example/student/MetaRedlock.java");
        Files.writeString(meta, Files.readString(meta).replace("lock = {}", "lock = {\"name\"}"));
        String edited = Files.readString(meta);

        assertThatThrownBy(() -> scaffold("demo-student", "com.example.student", "redlock"))
                .isInstanceOf(MetaScaffold.ScaffoldException.class)
                .hasMessage("RL4004: " + meta + ": exists already; refusing to overwrite it (delete it, or choose"
                        + " another -Dname)");
        assertThat(Files.readString(meta)).isEqualTo(edited);
    }

    @Test
    void anotherMetaInTheSameModule_keepsThePackageInfo() throws Exception {
        scaffold("demo-student", "com.example.student", "redlock");
        List<String> lines = scaffold("demo-student", "com.example.student.web", "audit");

        assertThat(dir.resolve("com/example/student/web/MetaAudit.java")).exists();
        assertThat(dir.resolve("com/example/student/web/package-info.java")).doesNotExist();
        assertThat(lines).last().asString().contains("is in module demo-student through a parent");

        Compilation c = javac.compile(source("com/example/student/package-info.java"),
                source("com/example/student/MetaRedlock.java"), source("com/example/student/web/MetaAudit.java"));
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void packageOfAnotherModule_isRefusedBeforeWriting() throws Exception {
        scaffold("demo-student", "p", "redlock");

        assertThatThrownBy(() -> scaffold("other", "p", "x")).hasMessageStartingWith("RL4005: ")
                .hasMessageContaining("declares module 'demo-student', not 'other'");
        assertThat(dir.resolve("p/MetaX.java")).doesNotExist();
    }

    @Test
    void defaultPackage_isTheModulesOwn_elseTheGroupIdAndModule() throws Exception {
        assertThat(MetaScaffold.defaultPackage(dir.resolve("absent"), "demo-student", "com.example"))
                .isEqualTo("com.example.demostudent");
        scaffold("demo-student", "com.example.student", "redlock");
        assertThat(MetaScaffold.defaultPackage(dir, "demo-student", "com.example"))
                .isEqualTo("com.example.student");
        assertThatThrownBy(() -> MetaScaffold.defaultPackage(dir, "new", "com.example"))
                .hasMessageStartingWith("RL4002: -Dpackage: the default package 'com.example.new'");
    }

    @ParameterizedTest
    @CsvSource({"Demo, p, redlock, RL4001", "demo, com..x, redlock, RL4002", "demo, '', redlock, RL4002",
            "demo, p, Redlock, RL4003", "demo, p, new, RL4003"})
    void badArguments_failWithTheirCode_andWriteNothing(String module, String pkg, String name, String code) {
        assertThatThrownBy(() -> scaffold(module, pkg, name)).hasMessageStartingWith(code + ": ");
        assertThat(dir).isEmptyDirectory();
    }
}
