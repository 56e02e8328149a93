package dev.redlock.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;

import dev.redlock.cdi.internal.Deployment;

/**
 * The processor and the CDI extension accept and refuse exactly the same resource declarations, for the same
 * reasons: every row of {@code resource-templates.tsv} is compiled with the processor (one meta class per row, all in
 * one compilation) and validated with the extension's deployment check ({@link Deployment#resourceProblems}, the
 * code {@code Deployment} runs on every meta), and both must give the row's verdict.
 */
final class TemplateTableTest {

    /** One row: the declarations of a {@code lock} list, and the code and reason of its last one, or none. */
    private record Row(int line, List<String> declarations, String code, String reason) {

        boolean ok() {
            return code.isEmpty();
        }

        String last() {
            return declarations.get(declarations.size() - 1);
        }
    }

    @Test
    void processorAndExtension_giveTheVerdictOfEveryRow() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(30);
        List<JavaFileObject> sources = new ArrayList<>(List.of(Samples.testModule()));
        for (Row r : rows) {
            sources.add(JavaFileObjects.forSourceLines("test.MetaRow" + r.line(), "package test;",
                    "import dev.redlock.api.*;",
                    "@Meta @RedlockResources(lock = {" + String.join(", ", r.declarations().stream()
                            .map(TemplateTableTest::javaLiteral).toList()) + "})",
                    "class MetaRow" + r.line() + " extends BeanRedlockBase<MetaRow" + r.line() + "_.Lock, MetaRow"
                            + r.line() + "_.Isolate> {}"));
        }
        Compilation c = Samples.javac().compile(sources);

        SoftAssertions softly = new SoftAssertions();
        for (Row r : rows) {
            String row = "row " + r.line() + " " + r.declarations();
            List<String> processor = c.diagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null
                            && d.getSource().getName().endsWith("/MetaRow" + r.line() + ".java"))
                    .map(d -> d.getMessage(null)).toList();
            List<DeploymentException> problems = new ArrayList<>();
            Deployment.resourceProblems(TemplateTableTest.class, "lock", r.declarations(), problems);
            List<String> extension = problems.stream().map(Throwable::getMessage).toList();
            if (r.ok()) {
                softly.assertThat(processor).as("processor, " + row).isEmpty();
                softly.assertThat(extension).as("extension, " + row).isEmpty();
                continue;
            }
            String says = "resource '" + r.last() + "': " + r.reason() + "; ";
            // same reason and same fix on both paths; only the code and the where differ
            softly.assertThat(processor).as("processor, " + row).singleElement().asString()
                    .startsWith(r.code() + ": test.MetaRow" + r.line() + " @RedlockResources(lock): ").contains(says);
            softly.assertThat(extension).as("extension, " + row).singleElement().asString()
                    .startsWith("RL2006: " + TemplateTableTest.class.getName() + ": @RedlockResources(lock):")
                    .contains(says);
            if (processor.size() == 1 && extension.size() == 1) {
                softly.assertThat(tail(extension.get(0), says)).as("reason and fix, " + row)
                        .isEqualTo(tail(processor.get(0), says));
            }
        }
        softly.assertThat(c.errors()).as("errors outside the rows")
                .allMatch(d -> d.getSource() != null && d.getSource().getName().contains("/MetaRow"));
        softly.assertAll();
    }

    private static List<Row> rows() throws IOException {
        String text;
        try (InputStream in = TemplateTableTest.class.getResourceAsStream("/resource-templates.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("#") || lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            List<String> declarations = Arrays.stream(f[0].split(",", -1)).map(TemplateTableTest::unescape).toList();
            boolean ok = f[1].equals("ok");
            rows.add(new Row(i + 1, declarations, ok ? "" : f[1], ok ? "" : f[2]));
        }
        return rows;
    }

    private static String tail(String message, String from) {
        int at = message.indexOf(from);
        return at < 0 ? message : message.substring(at);
    }

    private static String unescape(String s) {
        return s.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\");
    }

    /** A Java string literal; control characters as octal escapes, which javac reads after unicode escapes. */
    private static String javaLiteral(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\%03o", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
