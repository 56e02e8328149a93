package dev.redlock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Chinese getting-started pages and checklist carry the English pages' code blocks unchanged: GettingStartedIT
 * builds the English ones, so the translations build too.
 */
final class TranslatedPagesTest {

    private static final Path DOCS = Path.of(System.getProperty("docs.dir"));

    @ParameterizedTest
    @ValueSource(strings = {"getting-started-weld.md", "getting-started-quarkus.md", "production.md"})
    void chinesePage_hasTheEnglishPagesCodeBlocks(String name) throws IOException {
        Page english = Page.read(DOCS.resolve(name));
        Page chinese = Page.read(DOCS.resolve("zh").resolve(name));

        assertThat(english.blocks()).as("code blocks of %s", english).isNotEmpty();
        assertThat(chinese.blocks()).as("code blocks of %s, against %s", chinese, english)
                .containsExactlyElementsOf(english.blocks());
    }
}
