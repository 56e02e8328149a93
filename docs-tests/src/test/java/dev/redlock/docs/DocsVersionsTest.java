package dev.redlock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every Redlock version the docs give is this build's: a {@code dev.redlock} dependency, plugin or processor path
 * names no version (the BOM gives it) or this one, never a property such as {@code ${project.version}} (the user's
 * own version) or an undefined {@code ${redlock.version}}; {@code dev.redlock:artifact:version} coordinates too.
 */
final class DocsVersionsTest {

    private static final Path ROOT = Path.of(System.getProperty("docs.dir")).getParent();
    private static final String VERSION = System.getProperty("docs.redlock-version");
    /** A dev.redlock artifact in a pom block: its groupId, artifactId and version, if any, in this order. */
    private static final Pattern ARTIFACT = Pattern.compile(
            "<groupId>dev\\.redlock</groupId>\\s*<artifactId>([^<]+)</artifactId>(?:\\s*<version>([^<]*)</version>)?");
    private static final Pattern COORDINATES = Pattern.compile("dev\\.redlock:[a-z-]+:([^:\"\\s`)]+)");

    @Test
    void everyRedlockVersionInTheDocs_isThisBuilds() throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Path> pages = pages();
        for (Path page : pages) {
            String text = Files.readString(page);
            Matcher artifact = ARTIFACT.matcher(text);
            while (artifact.find()) {
                if (artifact.group(2) != null && !artifact.group(2).equals(VERSION)) {
                    wrong.add(ROOT.relativize(page) + ": " + artifact.group(1) + " with version " + artifact.group(2));
                }
            }
            Matcher coordinates = COORDINATES.matcher(text);
            while (coordinates.find()) {
                if (!coordinates.group(1).equals(VERSION)) {
                    wrong.add(ROOT.relativize(page) + ": " + coordinates.group());
                }
            }
        }
        assertThat(pages).as("pages read").hasSizeGreaterThan(5);
        assertThat(wrong).as("Redlock versions other than %s (import redlock-bom and leave them out)", VERSION)
                .isEmpty();
    }

    /** README.md, docs/ (with docs/zh/) and the examples' READMEs. */
    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        for (Path dir : List.of(ROOT.resolve("docs"), ROOT.resolve("examples"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".md") && !f.toString().contains("/target/")).sorted()
                        .forEach(pages::add);
            }
        }
        return pages;
    }
}
