package dev.redlock.processor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.spi.MetaNames;

/**
 * The scaffolding command, the counterpart of {@code vona :create:bean meta redlock --module=demo-student}: creates
 * a redlock meta class with empty resource lists, and the module's {@code package-info.java} when the package is in
 * no module yet. It never overwrites a file.
 *
 * <pre>
 * Scaffold --module demo-student --package com.example.student [--name redlock] [--dir src/main/java]
 * </pre>
 *
 * <p>Exit status: 0 when the files were written, 1 when the meta class exists already or a file cannot be written,
 * 2 on bad arguments. {@code docs/resources.md} shows how to run it through Maven.
 */
public final class Scaffold {

    private static final String USAGE = String.join("\n",
            "usage: Scaffold --module <module> --package <package> [--name <meta>] [--dir <source root>]",
            "  --module   the module name, kebab-case: demo-student",
            "  --package  the module's Java package: com.example.student",
            "  --name     the meta name, lower camel case (default: redlock); the class is Meta<Name>",
            "  --dir      the source root to write into (default: src/main/java)",
            "Creates <dir>/<package>/Meta<Name>.java and, when the package is in no module yet, package-info.java",
            "with @Module. Never overwrites a file.");
    private static final Pattern MODULE_ANNOTATION = Pattern
            .compile("@(?:dev\\.redlock\\.api\\.)?Module\\s*\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"");

    private Scaffold() {
    }

    /**
     * Runs the command and exits with its status when that is not 0.
     *
     * @param args the arguments, as in the class documentation
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, @Nullable String> options = new LinkedHashMap<>(Map.of("--name", "redlock", "--dir", "src/main/java"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!key.equals("--module") && !key.equals("--package") && !key.equals("--name")
                    && !key.equals("--dir")) {
                return usage(err, "unknown argument '" + arg + "'");
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return usage(err, key + " needs a value");
            }
            options.put(key, value);
        }
        String module = options.get("--module");
        String pkg = options.get("--package");
        String name = options.get("--name");
        if (module == null || pkg == null) {
            return usage(err, "--module and --package are required");
        }
        if (!MetaNames.isValidModuleName(module)) {
            return usage(err, "--module must be lower-case words of letters and digits joined by single hyphens,"
                    + " such as demo-student, was '" + module + "'");
        }
        if (pkg.isEmpty() || !SourceVersion.isName(pkg)) {
            return usage(err, "--package must be a Java package name, such as com.example.student, was '" + pkg + "'");
        }
        if (MetaNames.metaNameProblem(name) != null) {
            return usage(err, "--name must be lower camel case letters and digits, such as redlock, was '" + name
                    + "'");
        }
        Path root = Path.of(options.get("--dir"));
        Path packageDir = root.resolve(pkg.replace('.', '/'));
        String className = "Meta" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        Path metaFile = packageDir.resolve(className + ".java");
        if (Files.exists(metaFile)) {
            err.println("error: " + metaFile + " exists already; refusing to overwrite it (delete it, or choose"
                    + " another --name)");
            return 1;
        }
        try {
            Path info = packageDir.resolve("package-info.java");
            @Nullable
            String own = Files.exists(info) ? declaredModule(info) : null;
            if (own != null && !own.equals(module)) {
                err.println("error: " + info + " declares module '" + own + "', not '" + module + "'; pass --module "
                        + own + ", or another --package");
                return 2;
            }
            @Nullable
            String inherited = own == null && !Files.exists(info) ? moduleAbove(root, pkg) : null;
            Files.createDirectories(packageDir);
            write(metaFile, metaSource(module, pkg, className));
            out.println("created " + metaFile);
            if (Files.exists(info)) {
                if (own == null) {
                    out.println("note: " + info + " exists without @Module; add @Module(\"" + module + "\") to it");
                }
            } else if (module.equals(inherited)) {
                out.println("note: package " + pkg + " is in module " + module + " through a parent package");
            } else {
                write(info, packageInfoSource(module, pkg));
                out.println("created " + info);
            }
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("error: " + e.getFile() + " exists already; refusing to overwrite it");
            return 1;
        } catch (IOException e) {
            err.println("error: cannot write under " + packageDir + ": " + e);
            return 1;
        }
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

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    private static int usage(PrintStream err, String problem) {
        err.println("error: " + problem);
        err.println(USAGE);
        return 2;
    }

    static String metaSource(String module, String pkg, String className) {
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
                "@RedlockResources(lock = {}, isolate = {})",
                "public class " + className + " extends BeanRedlockBase<" + className + "_.Lock, " + className
                        + "_.Isolate> {",
                "}",
                "");
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
