package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;

/** Problems of metas and modules, each reported on the right line with its code. */
final class MetaErrorsTest {

    private static final String EXTENDS = " extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {}";

    private static JavaFileObject source(String name, String... body) {
        String[] all = new String[body.length + 2];
        all[0] = "package " + name.substring(0, name.lastIndexOf('.')) + ";";
        all[1] = "import dev.redlock.api.*;";
        System.arraycopy(body, 0, all, 2, body.length);
        return JavaFileObjects.forSourceLines(name, all);
    }

    @Test
    void resourcesWithoutMeta_isRL3010() {
        JavaFileObject src = source("test.Plain", "@RedlockResources(lock = \"name\")", "class Plain {}");
        CompilationSubject.assertThat(Samples.javac().compile(Samples.testModule(), src)).hadErrorContaining("RL3010")
                .inFile(src).onLineContaining("@RedlockResources");
    }

    @Test
    void metaOutsideAnyModule_isRL3011() {
        JavaFileObject src = source("nomodule.MetaRedlock", "@Meta", "@RedlockResources(lock = \"name\")",
                "class MetaRedlock" + EXTENDS);
        Compilation c = Samples.javac().compile(src);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3011").inFile(src).onLineContaining("@Meta");
        CompilationSubject.assertThat(c).hadErrorCount(1); // MetaRedlock_ is still generated: no cascade
    }

    @Test
    void metaInASubPackage_belongsToTheNearestModule() {
        JavaFileObject parent = JavaFileObjects.forSourceLines("a.package-info", "@dev.redlock.api.Module(\"a\")",
                "package a;");
        JavaFileObject child = JavaFileObjects.forSourceLines("a.b.package-info", "@dev.redlock.api.Module(\"a-b\")",
                "package a.b;");
        JavaFileObject deep = source("a.b.c.d.MetaRedlock", "@Meta @RedlockResources", "public class MetaRedlock"
                + " extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {}");
        Compilation c = Samples.javac().compile(parent, child, deep);
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
        CompilationSubject.assertThat(c).generatedSourceFile("a.b.ScopeModuleAB").contentsAsUtf8String()
                .contains("public a.b.c.d.MetaRedlock redlock() {");
    }

    @Test
    void invalidModuleName_isRL3012OnThePackageInfo() {
        JavaFileObject info = JavaFileObjects.forSourceLines("test.package-info", "@Module(\"Demo_Student\")",
                "package test;", "import dev.redlock.api.Module;");
        JavaFileObject src = source("test.MetaRedlock", "@Meta @RedlockResources(lock = \"name\")",
                "class MetaRedlock" + EXTENDS);
        Compilation c = Samples.javac().compile(info, src);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3012").inFile(info).onLineContaining("@Module");
        CompilationSubject.assertThat(c).hadErrorCount(1);
    }

    @Test
    void sameModuleNameInTwoPackages_isRL3019() {
        JavaFileObject a = JavaFileObjects.forSourceLines("a.package-info", "@dev.redlock.api.Module(\"same\")",
                "package a;");
        JavaFileObject b = JavaFileObjects.forSourceLines("b.package-info", "@dev.redlock.api.Module(\"same\")",
                "package b;");
        CompilationSubject.assertThat(Samples.javac().compile(a, b)).hadErrorContaining("RL3019").inFile(b)
                .onLineContaining("@dev.redlock.api.Module");
    }

    @Test
    void invalidMetaNames_areRL3015() {
        JavaFileObject explicit = source("test.MetaRedlock", "@Meta(name = \"Redlock-1\")",
                "@RedlockResources(lock = \"name\")", "class MetaRedlock" + EXTENDS);
        JavaFileObject keyword = source("test.MetaNew", "@Meta", "@RedlockResources(lock = \"name\")",
                "class MetaNew extends BeanRedlockBase<MetaNew_.Lock, MetaNew_.Isolate> {}");
        JavaFileObject objectMethod = source("test.MetaHashCode", "@Meta",
                "class MetaHashCode {}");
        Compilation c = Samples.javac().compile(Samples.testModule(), explicit, keyword, objectMethod);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3015").inFile(explicit)
                .onLineContaining("Redlock-1");
        CompilationSubject.assertThat(c).hadErrorContaining("meta name 'new' is invalid: it is a Java keyword")
                .inFile(keyword).onLineContaining("@Meta");
        CompilationSubject.assertThat(c).hadErrorContaining("RL3015").inFile(objectMethod).onLineContaining("@Meta");
        CompilationSubject.assertThat(c).hadErrorCount(3);
    }

    @Test
    void twoMetasWithOneNameInAModule_isRL3016() {
        JavaFileObject first = source("test.MetaRedlock", "@Meta @RedlockResources(lock = \"name\")",
                "class MetaRedlock" + EXTENDS);
        JavaFileObject second = source("test.sub.MetaOther", "@Meta(name = \"redlock\")",
                "public class MetaOther {}");
        Compilation c = Samples.javac().compile(Samples.testModule(), first, second);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3016").inFile(second).onLineContaining("@Meta");
    }

    @Test
    void metaShapesTheGeneratedCodeCannotName_areRL3017() {
        JavaFileObject onInterface = source("test.MetaApi", "@Meta", "interface MetaApi {}");
        JavaFileObject inner = source("test.Outer", "class Outer {", "  @Meta", "  class MetaInner {}",
                "  @Meta", "  private static class MetaHidden {}", "}");
        JavaFileObject notPublic = source("test.sub.MetaSub", "@Meta", "class MetaSub {}");
        Compilation c = Samples.javac().compile(Samples.testModule(), onInterface, inner, notPublic);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3017").inFile(onInterface).onLineContaining("@Meta");
        CompilationSubject.assertThat(c).hadErrorContaining("RL3017").inFile(inner).onLine(4);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3017").inFile(inner).onLine(6);
        CompilationSubject.assertThat(c).hadErrorContaining("must be public").inFile(notPublic)
                .onLineContaining("@Meta");
        CompilationSubject.assertThat(c).hadErrorCount(4);
    }

    @Test
    void staticMemberMeta_getsAFlatGeneratedName() {
        JavaFileObject src = source("test.Outer", "public class Outer {", "  @Meta @RedlockResources(lock = \"name\")",
                "  public static class MetaRedlock",
                "      extends BeanRedlockBase<Outer_MetaRedlock_.Lock, Outer_MetaRedlock_.Isolate> {}",
                "  void use(MetaRedlock r) { r.lock(Outer_MetaRedlock_.Lock.NAME, () -> 1); }", "}");
        Compilation c = Samples.javac().compile(Samples.testModule(), src);
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
        CompilationSubject.assertThat(c).generatedSourceFile("test.Outer_MetaRedlock_").contentsAsUtf8String()
                .contains("Generated by RedlockProcessor from {@link Outer.MetaRedlock}; do not edit.");
        CompilationSubject.assertThat(c).generatedSourceFile("test.ScopeModuleTestModule").contentsAsUtf8String()
                .contains("public test.Outer.MetaRedlock redlock() {");
    }

    @Test
    void baseWithoutResources_isWarningRL3018() {
        JavaFileObject src = source("test.MetaRedlock", "@Meta",
                "class MetaRedlock extends BeanRedlockBase<RedlockResource, RedlockResource> {}");
        Compilation c = Samples.javac().compile(Samples.testModule(), src);
        CompilationSubject.assertThat(c).succeeded();
        CompilationSubject.assertThat(c).hadWarningContaining("RL3018").inFile(src).onLineContaining("@Meta");
    }

    @Test
    void generatedClassNameTaken_isRL3020() {
        JavaFileObject src = source("test.MetaRedlock", "@Meta @RedlockResources(lock = \"name\")",
                "class MetaRedlock" + EXTENDS);
        JavaFileObject taken = JavaFileObjects.forSourceLines("test.MetaRedlock_", "package test;",
                "class MetaRedlock_ {}");
        CompilationSubject.assertThat(Samples.javac().compile(Samples.testModule(), src, taken))
                .hadErrorContaining("RL3020").inFile(src).onLineContaining("class MetaRedlock");
    }

    @Test
    void metaGeneratedInALaterRound_isRL3021() {
        JavaFileObject src = source("test.MetaRedlock", "@Meta @RedlockResources(lock = \"name\")",
                "class MetaRedlock" + EXTENDS);
        Compilation c = Compiler.javac().withProcessors(new RedlockProcessor(), new LateMetaProcessor())
                .compile(Samples.testModule(), src);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3021");
        assertThat(c.errors()).hasSize(1);
    }

    /** Generates a meta of module {@code test-module} in the second round, after the scope class exists. */
    private static final class LateMetaProcessor extends AbstractProcessor {
        private int round;

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
            if (++round == 2) {
                try (Writer w = processingEnv.getFiler().createSourceFile("test.MetaLate").openWriter()) {
                    w.write("package test; @dev.redlock.api.Meta public class MetaLate {}");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return false;
        }
    }
}
