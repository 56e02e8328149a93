package dev.redlock.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class MetaNamesTest {

    @ParameterizedTest
    @CsvSource({"MetaRedlock,redlock", "MetaOrderLock,orderLock", "Meta,meta", "Metadata,metadata",
            "Redlock,redlock", "MetaX,x"})
    void metaName_dropsTheMetaPrefix(String simpleName, String expected) {
        assertThat(MetaNames.metaName(simpleName)).isEqualTo(expected);
    }

    @Test
    void metaName_rejectsEmpty() {
        assertThatThrownBy(() -> MetaNames.metaName("")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo-student", "a-auth", "a", "x1-y2", "module3"})
    void validModuleNames(String name) {
        assertThat(MetaNames.isValidModuleName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Demo", "demo_student", "-a", "a-", "a--b", "1a", "demo student", "a.b"})
    void invalidModuleNames(String name) {
        assertThat(MetaNames.isValidModuleName(name)).isFalse();
    }

    @Test
    void fullName_and_pascalCase() {
        assertThat(MetaNames.fullName("demo-student", "redlock")).isEqualTo("demo-student:redlock");
        assertThat(MetaNames.pascalCase("demo-student")).isEqualTo("DemoStudent");
        assertThat(MetaNames.pascalCase("a-auth")).isEqualTo("AAuth");
        assertThat(MetaNames.isValidMetaName("redlock")).isTrue();
        assertThat(MetaNames.isValidMetaName("Redlock")).isFalse();
    }

    @Test
    void metaNameProblem_refusesWhatTheScopeAccessorCannotTake() {
        assertThat(MetaNames.metaNameProblem("orderLock")).isNull();
        assertThat(MetaNames.metaNameProblem("Bad-Name")).startsWith("it must start with a lower-case letter");
        assertThat(MetaNames.metaNameProblem("new")).isEqualTo("it is a Java keyword");
        assertThat(MetaNames.metaNameProblem("hashCode")).isEqualTo("it is the name of a method of Object");
    }
}
