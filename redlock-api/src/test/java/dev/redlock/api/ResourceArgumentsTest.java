package dev.redlock.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ResourceArgumentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"42", "a b", "ü-é", "user@example.com", "x:y.z"})
    void acceptsPrintableValues(String value) {
        assertThat(ResourceArguments.check("user-{userId}", "userId", value)).isSameAs(value);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|must not be empty",
            "'a\tb'|must not contain control characters, found U+0009 at index 1",
            "'\u007f'|found U+007F",
            "'a{b'|must not contain '{'",
            "'a}b'|must not contain '}'"})
    void rejectsBadValues_namingTemplateAndPlaceholder(String value, String message) {
        assertThatThrownBy(() -> ResourceArguments.check("user-{userId}", "userId", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("resource template 'user-{userId}': placeholder {userId}")
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void rejectsNull_andTooLong() {
        assertThatThrownBy(() -> ResourceArguments.check("t-{p}", "p", null))
                .hasMessage("resource template 't-{p}': placeholder {p} must not be null");
        assertThat(ResourceArguments.check("t-{p}", "p", "x".repeat(ResourceArguments.MAX_LENGTH))).hasSize(256);
        assertThatThrownBy(() -> ResourceArguments.check("t-{p}", "p", "x".repeat(257)))
                .hasMessage("resource template 't-{p}': placeholder {p} must be at most 256 characters, was 257");
    }
}
