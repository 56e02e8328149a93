package dev.redlock.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.lang.model.SourceVersion;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.spi.MetaNames;

/**
 * The scaffolding behind {@code redlock:create-meta}, the counterpart of
 * {@code vona :create:bean meta redlock --module=demo-student}: creates a redlock meta class, and the module's
 * {@code package-info.java} when the package is in no module yet. It never overwrites a file. Kept free of the Maven
 * API so that the tests drive it directly; {@link CreateMetaMojo} only maps its outcome to Maven's.
 */
final class MetaScaffold {

    private static final Pattern MODULE_ANNOTATION = Pattern
            .compile("@(?:dev\\.redlock\\.api\\.)?Module\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"");

    private MetaScaffold() {
    }

    /** A problem with the arguments or the files there, reported as a build failure with its RL code. */
    static final class ScaffoldException extends Exception {
        private static final long serialVersionUID = 1L;

        ScaffoldException(String message) {
            super(message);
        }
    }

    /**
     * The package of a module when none is given: the package whose {@code package-info.java} under {@code root}
     * declares the module (the outermost, when several do), otherwise {@code groupId} followed by the module name
     * without hyphens ({@code com.example} and {@code demo-student} give {@code com.example.demostudent}).
     */
    static String defaultPackage(Path root, String module, String groupId) throws ScaffoldException, IOException {
        checkModule(module);
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                List<Path> infos = files.filter(f -> f.getFileName().toString().equals("package-info.java"))
                        .sorted().collect(Collectors.toList());
                for (Path info : infos) {
                    if (module.equals(declaredModule(info))) {
                        return root.relativize(info.getParent()).toString().replace(root.getFileSystem()
                                .getSeparator(), ".");
                    }
                }
            }
        }
        String pkg = groupId + "." + module.replace("-", "");
        if (!SourceVersion.isName(pkg)) {
            throw new ScaffoldException("RL4002: -Dpackage: the default package '" + pkg + "' (the project's groupId"
                    + " and the module name) is not a Java package name; pass -Dpackage=<package>");
        }
        return pkg;
    }

    /**
     * Writes the meta class {@code Meta<Name>} into {@code root/<pkg>} and, when the package is in no module yet, its
     * {@code package-info.java} with {@code @Module}.
     *
     * @return the lines to print: each file written ({@code created <path>}) and notes
     */
    static List<String> create(Path root, String module, String pkg, String name, List<String> lock,
            List<String> isolate) throws ScaffoldException, IOException {
        checkModule(module);
        if (pkg.isEmpty() || !SourceVersion.isName(pkg)) {
            throw new ScaffoldException("RL4002: -Dpackage: must be a Java package name, such as com.example.student,"
                    + " was '" + pkg + "'");
        }
        String nameProblem = MetaNames.metaNameProblem(name);
        if (nameProblem != null) {
            throw new ScaffoldException("RL4003: -Dname: " + nameProblem + ", was '" + name
                    + "'; use lower camel case letters and digits, such as redlock");
        }
        Path packageDir = root.resolve(pkg.replace('.', '/'));
        String className = "Meta" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Path metaFile = packageDir.resolve(className + ".java");
        if (Files.exists(metaFile)) {
            throw exists(metaFile);
        }
        Path info = packageDir.resolve("package-info.java");
        @Nullable
        String own = Files.exists(info) ? declaredModule(info) : null;
        if (own != null && !own.equals(module)) {
            throw new ScaffoldException("RL4005: " + info + ": declares module '" + own + "', not '" + module
                    + "'; pass -Dmodule=" + own + ", or another -Dpackage");
        }
        @Nullable
        String inherited = own == null && !Files.exists(info) ? moduleAbove(root, pkg) : null;
        List<String> lines = new ArrayList<>();
        Files.createDirectories(packageDir);
        write(metaFile, metaSource(module, pkg, className, lock, isolate));
        lines.add("created " + metaFile);
        if (Files.exists(info)) {
            if (own == null) {
                lines.add("note: " + info + " exists without @Module; add @Module(\"" + module + "\") to it");
            }
        } else if (module.equals(inherited)) {
            lines.add("note: package " + pkg + " is in module " + module + " through a parent package");
        } else {
            write(info, packageInfoSource(module, pkg));
            lines.add("created " + info);
        }
        return lines;
    }

    private static void checkModule(String module) throws ScaffoldException {
        if (!MetaNames.isValidModuleName(module)) {
            throw new ScaffoldException("RL4001: -Dmodule: must be lower-case words of letters and digits joined by"
                    + " single hyphens, such as demo-student, was '" + module + "'");
        }
    }

    private static ScaffoldException exists(Path file) {
        return new ScaffoldException("RL4004: " + file + ": exists already; refusing to overwrite it (delete it, or"
                + " choose another -Dname)");
    }

    /** The module declared by the nearest {@code package-info.java} above {@code pkg} under {@code root}, or null. */
    private static @Nullable String moduleAbove(Path root, String pkg) throws IOException {
        for (String p = parent(pkg); !p.isEmpty(); p = parent(p)) {
            Path info = root.resolve(p.replace('.', '/')).resolve("package-info.java");
            if (Files.exists(info)) {
                String m = declaredModule(info);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String parent(String pkg) {
        return pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : "";
    }

    private static @Nullable String declaredModule(Path packageInfo) throws IOException {
        Matcher m = MODULE_ANNOTATION.matcher(Files.readString(packageInfo));
        return m.find() ? m.group(1) : null;
    }

    private static void write(Path file, String content) throws IOException, ScaffoldException {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw exists(file);
        }
    }

    static String metaSource(String module, String pkg, String className, List<String> lock, List<String> isolate) {
        return String.join("\n",
                "package " + pkg + ";",
                "",
                "import dev.redlock.api.BeanRedlockBase;",
                "import dev.redlock.api.Meta;",
                "import dev.redlock.api.RedlockResources;",
                "",
                "/**",
                " * The distributed locks of module {@code " + module + "}.",
                " *",
                " * <p>Declare the resources of {@code lock} and {@code lockIsolate} in {@link RedlockResources}: plain",
                " * names such as {@code \"name\"} and templates such as {@code \"user-{userId}\"}. The annotation",
                " * processor turns them into {@code " + className + "_.Lock} and {@code " + className
                        + "_.Isolate}; while a list is empty, the",
                " * matching method cannot be called.",
                " */",
                "@Meta",
                "@RedlockResources(lock = " + arrayOf(lock) + ", isolate = " + arrayOf(isolate) + ")",
                "public class " + className + " extends BeanRedlockBase<" + className + "_.Lock, " + className
                        + "_.Isolate> {",
                "}",
                "");
    }

    /** A Java array initializer of string literals: {@code {}} or {@code {"name", "user-{userId}"}}. */
    private static String arrayOf(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    static String packageInfoSource(String module, String pkg) {
        return String.join("\n",
                "/** Module {@code " + module + "}. */",
                "@Module(\"" + module + "\")",
                "package " + pkg + ";",
                "",
                "import dev.redlock.api.Module;",
                "");
    }
}
