package dev.redlock.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class KeysTest {

    @Test
    void key_withoutInstance_usesTilde() {
        assertThat(Keys.key("redlock_demo_local:", null, "demo-student", "user-42"))
                .isEqualTo("redlock_demo_local:~:demo-student.user-42");
    }

    @Test
    void key_withEmptyInstance_usesDash() {
        assertThat(Keys.key("redlock_demo:", "", "a-auth", "name")).isEqualTo("redlock_demo:-:a-auth.name");
    }

    @Test
    void key_withInstance_usesTheName() {
        assertThat(Keys.key("redlock_demo:", "tenant-7", "a-auth", "name")).isEqualTo("redlock_demo:tenant-7:a-auth.name");
    }

    @Test
    void globFor_escapesGlobCharacters() {
        assertThat(Keys.globFor("redlock_demo:")).isEqualTo("redlock_demo:*");
        assertThat(Keys.globFor("a*b?[c]\\")).isEqualTo("a\\*b\\?\\[c\\]\\\\*");
    }
}
