package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;

/** Every problem of a declared resource is reported on the line of that resource, with its code. */
final class ResourceErrorsTest {

    /** A meta whose isolate list holds {@code "name"}, then {@code declaration} on line 6. */
    private static JavaFileObject metaDeclaring(String declaration) {
        return JavaFileObjects.forSourceLines("test.MetaRedlock", "package test;", "import dev.redlock.api.*;",
                "@Meta", "@RedlockResources(isolate = {", "    \"name\",", "    \"" + declaration + "\"", "})",
                "class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {}");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "RL3001 | user-{userId",
            "RL3001 | user-userId}",
            "RL3001 | user-{a{b}}",
            "RL3002 | user-{}",
            "RL3003 | user-{user-id}",
            "RL3003 | user-{class}",
            "RL3004 | pair-{id}-{id}",
            "RL3005 | user name",
            "RL3005 | user/{id}",
            "RL3005 | caf\u00e9",
            "RL3006 | ''",
            "RL3007 | name",
            "RL3008 | Name",
            "RL3009 | 2fa",
            "RL3009 | class-{id}",
            "RL3009 | ...",
            "RL3009 | to-string-{x}",
            "RL3009 | {id}"})
    void badDeclaration_isReportedOnItsLine(String code, String declaration) {
        JavaFileObject src = metaDeclaring(declaration);
        Compilation c = Samples.javac().compile(Samples.testModule(), src);
        CompilationSubject.assertThat(c).hadErrorContaining(code).inFile(src).onLine(6); // the declaration's line
        assertThat(c.errors()).filteredOn(d -> d.getMessage(null).startsWith("RL")).hasSize(1);
    }

    @Test
    void nameClash_namesBothDeclarations() {
        Compilation c = Samples.javac().compile(Samples.testModule(),
                JavaFileObjects.forSourceLines("test.MetaRedlock", "package test;", "import dev.redlock.api.*;",
                        "@Meta @RedlockResources(lock = {\"user-{id}\",", "  \"user.{other}\"})",
                        "class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {}"));
        CompilationSubject.assertThat(c).hadErrorContaining(
                "RL3008: test.MetaRedlock @RedlockResources(lock): resource 'user.{other}': maps to the factory user,"
                        + " as 'user-{id}' does");
    }

    @Test
    void sameResourceInBothLists_isFine() {
        Compilation c = Samples.javac().compile(Samples.testModule(),
                JavaFileObjects.forSourceLines("test.MetaRedlock", "package test;", "import dev.redlock.api.*;",
                        "@Meta @RedlockResources(lock = {\"name\", \"user-{id}\"}, isolate = {\"name\", \"user-{id}\"})",
                        "class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {}"));
        CompilationSubject.assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void malformedTemplate_messageHasWhereWhatAndFix() {
        Compilation c = Samples.javac().compile(Samples.testModule(), metaDeclaring("user-{userId"));
        assertThat(c.errors()).singleElement().extracting(d -> d.getMessage(null)).isEqualTo(
                "RL3001: test.MetaRedlock @RedlockResources(isolate): resource 'user-{userId': unclosed '{' at index 5;"
                        + " write each placeholder as {name}, as in user-{userId}");
    }

    @Test
    void severalErrorsInOneFile_areAllReported() {
        JavaFileObject src = JavaFileObjects.forSourceLines("test.MetaRedlock", "package test;",
                "import dev.redlock.api.*;", "@Meta", "@RedlockResources(", "  lock = {",
                "    \"user-{userId\",", "    \"bad char\",", "    \"ok\",", "    \"ok\"", "  },", "  isolate = {",
                "    \"\",", "    \"pair-{id}-{id}\",", "    \"x-{}\"", "  })",
                "class MetaRedlock extends BeanRedlockBase<MetaRedlock_.Lock, MetaRedlock_.Isolate> {}",
                "@RedlockResources(lock = \"name\")", "class NotAMeta {}");
        Compilation c = Samples.javac().compile(Samples.testModule(), src);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3001").inFile(src).onLineContaining("user-{userId");
        CompilationSubject.assertThat(c).hadErrorContaining("RL3005").inFile(src).onLineContaining("bad char");
        CompilationSubject.assertThat(c).hadErrorContaining("RL3007").inFile(src).onLine(9);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3006").inFile(src).onLine(12);
        CompilationSubject.assertThat(c).hadErrorContaining("RL3004").inFile(src).onLineContaining("pair-{id}-{id}");
        CompilationSubject.assertThat(c).hadErrorContaining("RL3002").inFile(src).onLineContaining("x-{}");
        CompilationSubject.assertThat(c).hadErrorContaining("RL3010").inFile(src).onLineContaining("lock = \"name\"");
        assertThat(c.errors()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).hasSize(7);
    }
}
