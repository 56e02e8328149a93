package com.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The user guide's code is the example's code: every {@code ```java} block of {@code docs/guide.md} and
 * {@code docs/zh/guide.md} is preceded by a marker {@code <!-- snippet: <path>#<tag> -->} and equals the region
 * between {@code // tag::<tag>[]} and {@code // end::<tag>[]} of that file, which the build compiles. Indentation is
 * normalised (the common leading indent removed); tag lines nested inside a region are left out.
 */
final class DocSnippetsTest {

    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#([\\w-]+) -->$");
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern TAG_LINE = Pattern.compile("^\\s*(?://|#|<!--)\\s*(tag|end)::([\\w-]+)\\[].*$");

    /** One fenced block of a guide, with the marker before it if any. */
    record Block(String guide, int line, String language, List<String> text, String path, String tag) {

        String where() {
            return guide + ":" + line;
        }
    }

    @Test
    void everyJavaBlockOfTheEnglishGuideIsAMarkedRegionOfCompiledCode() throws IOException {
        checkGuide("docs/guide.md");
    }

    @Test
    void everyJavaBlockOfTheChineseGuideIsAMarkedRegionOfCompiledCode() throws IOException {
        checkGuide("docs/zh/guide.md");
    }

    @Test
    void theTranslationShowsTheSameSnippetsInTheSameOrder() throws IOException {
        List<String> en = blocks("docs/guide.md").stream().filter(b -> b.path() != null)
                .map(b -> b.path() + "#" + b.tag()).toList();
        List<String> zh = blocks("docs/zh/guide.md").stream().filter(b -> b.path() != null)
                .map(b -> b.path() + "#" + b.tag()).toList();

        assertThat(zh).isEqualTo(en);
    }

    @Test
    void aRegionIsNormalised() {
        List<String> file = List.of("class A {", "    // tag::x[]", "    void f() {", "", "        // tag::y[]",
                "        g();  ", "        // end::y[]", "    }", "    // end::x[]", "}");

        assertThat(region(file, "x", "A.java")).containsExactly("void f() {", "", "    g();", "}");
        assertThat(region(file, "y", "A.java")).containsExactly("g();");
    }

    private static void checkGuide(String guide) throws IOException {
        List<Block> blocks = blocks(guide);
        assertThat(blocks).as("fenced blocks of %s", guide).isNotEmpty();
        int java = 0;
        for (Block b : blocks) {
            if (b.language().equals("java")) {
                java++;
                assertThat(b.path()).as("%s: a ```java block needs <!-- snippet: <path>#<tag> --> on the line before",
                        b.where()).isNotNull();
            }
            if (b.path() != null) {
                Path source = root().resolve(b.path());
                assertThat(source).as("%s: the snippet's file", b.where()).isRegularFile();
                List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
                assertThat(normalise(b.text())).as("%s: the block must equal %s#%s", b.where(), b.path(), b.tag())
                        .isEqualTo(region(lines, b.tag(), b.path()));
            }
        }
        assertThat(java).as("java blocks in %s", guide).isGreaterThanOrEqualTo(5);
    }

    private static List<Block> blocks(String guide) throws IOException {
        Path file = root().resolve(guide);
        assertThat(file).as("the guide").isRegularFile();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        String path = null;
        String tag = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line.trim());
            Matcher fence = FENCE.matcher(line);
            if (marker.matches()) {
                assertThat(path).as("%s:%d: a snippet marker without a fenced block after it", guide, i).isNull();
                path = marker.group(1);
                tag = marker.group(2);
            } else if (fence.matches()) {
                int start = i;
                List<String> text = new ArrayList<>();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.add(lines.get(i));
                }
                assertThat(i).as("%s:%d: an unclosed fenced block", guide, start + 1).isLessThan(lines.size());
                blocks.add(new Block(guide, start + 1, fence.group(1), text, path, tag));
                path = null;
                tag = null;
            } else if (!line.isBlank()) {
                assertThat(path).as("%s:%d: a snippet marker must come right before its fenced block", guide, i)
                        .isNull();
            }
        }
        assertThat(path).as("%s: a snippet marker at the end", guide).isNull();
        return blocks;
    }

    /** The lines between the tag's start and end lines, other tag lines left out, normalised. */
    static List<String> region(List<String> file, String tag, String path) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        boolean found = false;
        for (String line : file) {
            Matcher m = TAG_LINE.matcher(line);
            if (m.matches()) {
                if (m.group(2).equals(tag)) {
                    if (m.group(1).equals("tag")) {
                        assertThat(found).as("%s: tag %s twice", path, tag).isFalse();
                        in = true;
                        found = true;
                    } else {
                        in = false;
                    }
                }
            } else if (in) {
                out.add(line);
            }
        }
        assertThat(found).as("%s has no region // tag::%s[] ... // end::%s[]", path, tag, tag).isTrue();
        assertThat(in).as("%s: region %s is not closed", path, tag).isFalse();
        return normalise(out);
    }

    /** Trailing spaces and the common indent removed; blank lines at both ends dropped. */
    static List<String> normalise(List<String> lines) {
        List<String> trimmed = lines.stream().map(String::stripTrailing).toList();
        int from = 0;
        int to = trimmed.size();
        while (from < to && trimmed.get(from).isEmpty()) {
            from++;
        }
        while (to > from && trimmed.get(to - 1).isEmpty()) {
            to--;
        }
        List<String> body = trimmed.subList(from, to);
        int indent = body.stream().filter(l -> !l.isEmpty()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return body.stream().map(l -> l.isEmpty() ? l : l.substring(indent)).toList();
    }

    private static Path root() {
        String root = System.getProperty("repo.root");
        if (root != null) {
            return Path.of(root).toAbsolutePath().normalize();
        }
        // run from an IDE: walk up to the directory that has docs/ and the parent pom
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root; set -Drepo.root");
    }
}
