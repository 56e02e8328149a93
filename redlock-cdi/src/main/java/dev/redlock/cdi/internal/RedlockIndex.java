package dev.redlock.cdi.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.jspecify.annotations.Nullable;

/**
 * The build-time index that {@code redlock-meta-processor} writes to {@value #RESOURCE}: the modules and metas of
 * one compilation with their resources, so the extension takes a meta's module, name and resources from it rather
 * than deriving them again by reflection (which remains the one fallback, for classes compiled without the
 * processor; see {@link MetaSite}).
 *
 * <pre>
 * # redlock-index 1
 * meta demo-student:redlock com.example.student.MetaRedlock lock=name isolate=name,user-{userId}
 * module demo-student com.example.student
 * </pre>
 */
final class RedlockIndex {

    /** Where the processor writes the index. */
    static final String RESOURCE = "META-INF/redlock/index";
    /** The one version this reader understands. */
    static final int VERSION = 1;

    private static final String HEADER = "# redlock-index ";
    private static final String LOCK = "lock=";
    private static final String ISOLATE = "isolate=";

    /**
     * One {@code meta} line.
     *
     * @param module  the module name
     * @param meta    the meta name
     * @param lock    the declared {@code lock} resources, in declared order
     * @param isolate the declared {@code isolate} resources, in declared order
     */
    record Entry(String module, String meta, List<String> lock, List<String> isolate) {
    }

    /** The module packages: package name to module name. */
    final Map<String, String> modules = new HashMap<>();
    /** The metas, by binary class name. */
    final Map<String, Entry> metas = new HashMap<>();
    /** Problems with the index files, reported as deployment problems. */
    final List<DeploymentException> problems = new ArrayList<>();

    /** Reads every index visible to {@code loader}. */
    static RedlockIndex load(ClassLoader loader) {
        RedlockIndex index = new RedlockIndex();
        try {
            Enumeration<URL> urls = loader.getResources(RESOURCE);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                try (InputStream in = url.openStream()) {
                    index.read(url.toString(), in);
                }
            }
        } catch (IOException e) {
            index.problems.add(CdiMessages.badIndex(RESOURCE, "cannot be read: " + e));
        }
        return index;
    }

    /** Reads one index file; {@code where} names it in messages. */
    void read(String where, InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || !header.startsWith(HEADER)) {
            problems.add(CdiMessages.badIndex(where, "not a redlock index, first line was '" + header
                    + "'; expected '" + HEADER + VERSION + "'"));
            return;
        }
        String version = header.substring(HEADER.length()).trim();
        if (!version.equals(String.valueOf(VERSION))) {
            problems.add(CdiMessages.badIndex(where, "unsupported redlock index version, was " + version
                    + "; this redlock-cdi reads version " + VERSION + " only; build the application with the"
                    + " redlock-meta-processor of the same release"));
            return;
        }
        String line;
        int number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            if (parts[0].equals("module") && parts.length == 3) {
                modules.put(parts[2], parts[1]);
            } else if (parts[0].equals("meta") && parts.length == 5 && parts[1].contains(":")
                    && parts[3].startsWith(LOCK) && parts[4].startsWith(ISOLATE)) {
                int colon = parts[1].indexOf(':');
                metas.put(parts[2], new Entry(parts[1].substring(0, colon), parts[1].substring(colon + 1),
                        list(parts[3].substring(LOCK.length())), list(parts[4].substring(ISOLATE.length()))));
            } else {
                problems.add(CdiMessages.badIndex(where + ":" + number, "malformed line, was '" + line
                        + "'; expected 'module <name> <package>' or 'meta <module:meta> <class> lock=... isolate=...'"
                        + " (" + Arrays.toString(parts) + ")"));
            }
        }
    }

    /** The package of {@code module} as a {@code module} line gives it, or {@code null}. */
    @Nullable
    String packageOf(String module) {
        return modules.entrySet().stream().filter(e -> e.getValue().equals(module)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static List<String> list(String declarations) {
        return declarations.isEmpty() ? List.of() : List.of(declarations.split(","));
    }
}
