package dev.redlock.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Auxiliary key names: same slot as the lock key, and recognised as auxiliary. */
final class KeyNamesTest {

    @Test
    void keyWithoutBraces_becomesTheHashTag() {
        assertThat(KeyNames.fence("invoice:42")).isEqualTo("{invoice:42}:fence");
        assertThat(KeyNames.queue("invoice:42")).isEqualTo("{invoice:42}:q");
    }

    @Test
    void keyWithBraces_keepsItself_whetherTheyFormATagOrNot() {
        assertThat(KeyNames.base("{user}:a")).isEqualTo("{user}:a");
        assertThat(KeyNames.base("a{}b")).isEqualTo("a{}b");
        assertThat(KeyNames.base("a{b")).isEqualTo("a{b");
        assertThat(KeyNames.base("a}b")).isEqualTo("a}b");
    }

    @Test
    void auxiliaryNames_areRecognised_lockKeysAreNot() {
        for (String key : new String[]{"invoice:42", "order{7}:a", "a{}b", "{tenant-7}invoice:42", "{t}", "x}y"}) {
            assertThat(KeyNames.isAuxiliary(KeyNames.fence(key))).as(key).isTrue();
            assertThat(KeyNames.isAuxiliary(KeyNames.heartbeats(key))).as(key).isTrue();
            assertThat(KeyNames.isAuxiliary(KeyNames.queue(key))).as(key).isTrue();
            assertThat(KeyNames.isAuxiliary(key)).as(key).isFalse();
        }
        assertThat(KeyNames.isAuxiliary(KeyNames.EPOCH)).isTrue();
    }
}
