package dev.redlock.processor;

import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;

/**
 * The {@code extends BeanRedlockBase<X_.Lock, X_.Isolate>} check. In the round that sees the meta, {@code X_} does
 * not exist yet and its members are error types; these cases make sure the check neither misses a wrong clause nor
 * rejects a right one however it is spelled.
 */
final class SupertypeTest {

    private static JavaFileObject meta(String name, String... lines) {
        String[] all = new String[lines.length + 3];
        all[0] = "package test;";
        all[1] = "import dev.redlock.api.*;";
        all[2] = "@Meta @RedlockResources(lock = \"name\", isolate = \"user-{id}\")";
        System.arraycopy(lines, 0, all, 3, lines.length);
        return JavaFileObjects.forSourceLines("test." + name, all);
    }

    private static Compilation compile(JavaFileObject... sources) {
        JavaFileObject[] all = new JavaFileObject[sources.length + 1];
        all[0] = Samples.testModule();
        System.arraycopy(sources, 0, all, 1, sources.length);
        return Samples.javac().compile(all);
    }

    @Test
    void ownGeneratedTypes_compile() {
        CompilationSubject.assertThat(compile(meta("MetaRedlock",
                "class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {}")))
                .succeededWithoutWarnings();
    }

    @Test
    void ownGeneratedTypes_qualifiedImportedOrThroughAGenericBase_compile() {
        JavaFileObject qualified = meta("MetaA",
                "class MetaA extends BeanRedlockBase<test.MetaA_.Lock, test.MetaA_.Isolate> {}");
        JavaFileObject imported = JavaFileObjects.forSourceLines("test.MetaB", "package test;",
                "import dev.redlock.api.*;", "import test.MetaB_.Lock;", "import test.MetaB_.Isolate;",
                "@Meta @RedlockResources(lock = \"name\")", "class MetaB extends BeanRedlockBase<Lock, Isolate> {}");
        JavaFileObject base = JavaFileObjects.forSourceLines("test.Base", "package test;",
                "import dev.redlock.api.*;",
                "abstract class Base<L extends RedlockResource, I extends RedlockResource>"
                        + " extends BeanRedlockBase<L, I> {}");
        JavaFileObject viaBase = meta("MetaC", "class MetaC extends Base<MetaC_.Lock, MetaC_.Isolate> {}");
        CompilationSubject.assertThat(compile(qualified, imported, base, viaBase)).succeededWithoutWarnings();
    }

    @Test
    void swappedArguments_areRL3014() {
        JavaFileObject src = meta("MetaRedlock",
                "class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Isolate, MetaRedlock_.Lock> {}");
        Compilation c = compile(src);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3014").inFile(src).onLineContaining("class MetaRedlock");
    }

    @Test
    void anotherMetasTypes_areRL3014() {
        JavaFileObject other = meta("MetaOther",
                "class MetaOther extends BeanRedlockBase<MetaOther_.Lock, MetaOther_.Isolate> {}");
        JavaFileObject src = meta("MetaRedlock",
                "class MetaRedlock extends BeanRedlockBase<MetaOther_.Lock, MetaOther_.Isolate> {}");
        Compilation c = compile(other, src);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3014").inFile(src).onLineContaining("class MetaRedlock");
        CompilationSubject.assertThat(c).hadErrorCount(1);
    }

    @Test
    void typesThatNeverExist_areRL3014AndJavacReportsThem() {
        JavaFileObject src = meta("MetaRedlock",
                "class MetaRedlock extends BeanRedlockBase<Missing_.Lock, Missing_.Isolate> {}");
        Compilation c = compile(src);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3014").inFile(src).onLineContaining("class MetaRedlock");
        CompilationSubject.assertThat(c).hadErrorContaining("Missing_");
    }

    @Test
    void rawBase_isRL3014() {
        JavaFileObject src = meta("MetaRedlock", "@SuppressWarnings(\"rawtypes\")",
                "class MetaRedlock extends BeanRedlockBase {}");
        CompilationSubject.assertThat(compile(src)).hadErrorContaining("RL3014").inFile(src)
                .onLineContaining("class MetaRedlock");
    }

    @Test
    void noBase_isRL3013() {
        JavaFileObject src = meta("MetaRedlock", "class MetaRedlock {}");
        CompilationSubject.assertThat(compile(src)).hadErrorContaining("RL3013").inFile(src)
                .onLineContaining("class MetaRedlock");
    }
}
