package dev.redlock.processor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Reads and writes the build-time index {@code META-INF/redlock/index}, which the CDI layer reads at start-up.
 *
 * <p>The format, version 1: UTF-8, {@code \n} line ends, the header line {@value #HEADER}, then one entry per line,
 * sorted lexicographically (so {@code meta} lines come before {@code module} lines):
 *
 * <pre>
 * # redlock-index 1
 * meta &lt;module&gt;:&lt;meta&gt; &lt;binary class name&gt; lock=&lt;declarations&gt; isolate=&lt;declarations&gt;
 * module &lt;module&gt; &lt;package&gt;
 * </pre>
 *
 * <p>{@code <declarations>} are the declared resources of {@code @RedlockResources}, in declared order, joined by
 * {@code ,} and empty when there are none ({@code lock=}). Neither declarations nor names can hold a space or a
 * comma, so the format needs no quoting. Example:
 *
 * <pre>
 * # redlock-index 1
 * meta demo-student:redlock com.example.student.MetaRedlock lock=name isolate=name,user-{userId}
 * module demo-student com.example.student
 * </pre>
 *
 * <p>A {@code module} line is written for every {@code @Module} package seen by the compilation (as source, or as
 * the module of a meta), a {@code meta} line for every {@code @Meta} class that belongs to a module. A reader must
 * reject a header with another version. The file is written once, in the last round, and only when the compilation
 * saw at least one module or meta; entries of an index left by an earlier compilation are kept when their class or
 * package still exists and was not recompiled (as AutoService merges service files), so that a compilation of
 * only some sources does not lose the others.
 */
final class IndexFile {

    /** The path of the index in the class output. */
    static final String PATH = "META-INF/redlock/index";
    /** The first line; the number is the format version. */
    static final String HEADER = "# redlock-index 1";

    private IndexFile() {
    }

    static String moduleLine(String module, String packageName) {
        return "module " + module + " " + packageName;
    }

    static String metaLine(MetaInfo meta) {
        return "meta " + meta.fullName() + " " + meta.binaryName() + " lock=" + String.join(",", meta.lock())
                + " isolate=" + String.join(",", meta.isolate());
    }

    /** Parses a {@code meta} line back; empty if the line is not a well-formed one. */
    static Optional<MetaInfo> parseMeta(String line) {
        String[] f = line.split(" ", -1);
        if (f.length != 5 || !f[0].equals("meta") || !f[3].startsWith("lock=") || !f[4].startsWith("isolate=")) {
            return Optional.empty();
        }
        int colon = f[1].indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new MetaInfo(f[1].substring(0, colon), f[1].substring(colon + 1),
                f[2].replace('$', '.'), f[2], split(f[3].substring("lock=".length())),
                split(f[4].substring("isolate=".length()))));
    }

    private static List<String> split(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(","));
    }

    /**
     * The entries of the index an earlier compilation left in the class output; empty if there is none or it has
     * another version.
     */
    static List<String> readPrevious(Filer filer) {
        String text;
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", PATH);
            try (InputStream in = file.openInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return List.of();
        }
        lines.remove(0);
        lines.removeIf(String::isBlank);
        return lines;
    }

    /** Writes the header and {@code entries}, which must already be sorted. */
    static void write(Filer filer, Collection<String> entries) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (String e : entries) {
            sb.append(e).append('\n');
        }
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", PATH);
        try (OutputStream out = file.openOutputStream()) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
