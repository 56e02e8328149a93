package dev.redlock.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class ResourceTemplatesTest {

    @Test
    void wellFormed() {
        assertThat(ResourceTemplates.problem("name")).isNull();
        assertThat(ResourceTemplates.problem("user-{userId}")).isNull();
        assertThat(ResourceTemplates.problem("order-{shop}.{id}:x_y")).isNull();
    }

    @Test
    void malformed() {
        assertThat(ResourceTemplates.problem("")).isEqualTo("empty");
        assertThat(ResourceTemplates.problem("user-{userId")).isEqualTo("unclosed '{' at index 5");
        assertThat(ResourceTemplates.problem("user-}")).isEqualTo("unopened '}' at index 5");
        assertThat(ResourceTemplates.problem("a{1x}")).isEqualTo("placeholder {1x} is not a Java identifier");
        assertThat(ResourceTemplates.problem("{a}-{a}")).isEqualTo("placeholder {a} appears twice");
        assertThat(ResourceTemplates.problem("a b")).isEqualTo("character ' ' at index 1 is not allowed");
    }
}
