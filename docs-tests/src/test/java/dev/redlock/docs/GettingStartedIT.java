package dev.redlock.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * The getting-started pages, each materialised into a throwaway project from its own code blocks, built with its own
 * commands and run against three real Redis nodes. The projects' Maven runs read our artifacts from
 * target/local-repo (invoker:install put them there) and everything else from the user's local repository,
 * mirrored as a file: repository, so nothing is downloaded and nothing is installed into ~/.m2.
 */
@WithRedisNodes(count = 3)
final class GettingStartedIT {

    private static final Path DOCS = Path.of(System.getProperty("docs.dir"));
    private static final Path WORK = Path.of(System.getProperty("docs.work"));
    private static final Pattern VERSION = Pattern.compile("<version>([^<]+)</version>");
    private static final Pattern QUARKUS = Pattern.compile("<version\\.quarkus>([^<]+)</version\\.quarkus>");
    private static final String NODES = "-Dredlock.nodes=";
    /** The version of the pages' own projects. */
    private static final String PROJECT_VERSION = "1.0-SNAPSHOT";

    @Test
    void weldSePage_buildsRunsItsTestAndLocks(RedisNodes nodes) throws Exception {
        Page page = Page.read(DOCS.resolve("getting-started-weld.md"));
        Path project = materialise(page);

        run(page, project, nodes, List.of());

        assertTestsPassed(project, page);
    }

    @Test
    void quarkusPage_buildsAndLocks(RedisNodes nodes) throws Exception {
        Page page = Page.read(DOCS.resolve("getting-started-quarkus.md"));
        String quarkus = match(QUARKUS, Files.readString(DOCS.resolve("../examples/quarkus-student/pom.xml")));
        assertThat(page.file("pom.xml")).as("%s names the Quarkus of examples/quarkus-student", page)
                .contains("<version>" + quarkus + "</version>");
        Path project = materialise(page, quarkus);

        boolean tests = Boolean.getBoolean("docs.quarkus.tests");
        run(page, project, nodes, tests ? List.of() : List.of("-DskipTests"));

        if (tests) {
            assertTestsPassed(project, page);
        }
    }

    /**
     * Writes the page's files into a fresh directory, after checking that its pom names the redlock version of this
     * build and no version this build does not use (an outdated one would still build while ~/.m2 holds it).
     */
    private static Path materialise(Page page, String... otherVersions) throws IOException {
        List<String> built = new ArrayList<>(Arrays.stream(System.getProperty("docs.versions").split(","))
                .map(String::strip).filter(v -> !v.isEmpty()).toList());
        List<String> named = VERSION.matcher(page.file("pom.xml")).results().map(m -> m.group(1)).toList();
        assertThat(named).as("%s: the pom names the redlock version of this build", page).contains(built.get(0));
        built.add(PROJECT_VERSION);
        built.addAll(List.of(otherVersions));
        assertThat(built).as("%s: the versions its pom names are those this build uses", page).containsAll(named);
        String fileName = page.toString().substring(page.toString().lastIndexOf(File.separatorChar) + 1);
        Path project = WORK.resolve(fileName.replace(".md", ""));
        delete(project);
        page.materialise(project);
        // a directory of its own: Maven looks for .mvn upwards and would find this repository's
        Files.createDirectories(project.resolve(".mvn"));
        return project;
    }

    /**
     * Runs the page's commands in the project: {@code mvn} with this build's Maven, the settings and the local
     * repository of the test, plus {@code extraMavenArgs}; {@code java} with this JDK; the node URIs of
     * {@code -Dredlock.nodes=} replaced by those of the test's nodes. The last command prints the page's output.
     */
    private static void run(Page page, Path project, RedisNodes nodes, List<String> extraMavenArgs)
            throws Exception {
        List<String> commands = page.commands();
        assertThat(commands).as("%s: commands (```bash run)", page).isNotEmpty();
        assertThat(commands).as("%s: a command that runs on given nodes", page).anyMatch(c -> c.contains(NODES));
        Path settings = settings(project.getParent());
        String output = "";
        for (int i = 0; i < commands.size(); i++) {
            List<String> argv = new ArrayList<>();
            for (String token : commands.get(i).split("\\s+")) {
                if (argv.isEmpty() && token.equals("mvn")) {
                    argv.add(Path.of(System.getProperty("docs.maven-home"), "bin", "mvn").toString());
                    argv.add("-s");
                    argv.add(settings.toString());
                    argv.add("-Dmaven.repo.local=" + System.getProperty("docs.local-repo"));
                    argv.addAll(extraMavenArgs);
                } else if (argv.isEmpty() && token.equals("java")) {
                    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                } else if (token.startsWith(NODES)) {
                    argv.add(NODES + String.join(",", nodes.uris()));
                } else {
                    argv.add(token);
                }
            }
            Path log = project.resolveSibling(project.getFileName() + "-" + (i + 1) + ".log");
            ProcessBuilder builder = new ProcessBuilder(argv).directory(project.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(page + ": '" + commands.get(i) + "' did not end in 10 minutes; see " + log);
            }
            output = Files.readString(log);
            assertThat(process.exitValue()).as("%s: '%s' (%s) failed; its output:%n%s", page, commands.get(i),
                    String.join(" ", argv), tail(output)).isZero();
        }
        assertThat(output.lines()).as("%s: what the last command prints", page).containsAll(page.output());
    }

    /** Every test class of the page ran at least one test, none failed, none was skipped. */
    private static void assertTestsPassed(Path project, Page page) throws IOException {
        List<String> tests = page.files().stream().filter(f -> f.startsWith("src/test/java/") && f.endsWith("Test.java"))
                .map(f -> f.substring("src/test/java/".length(), f.length() - ".java".length()).replace('/', '.'))
                .toList();
        assertThat(tests).as("%s: test classes", page).isNotEmpty();
        for (String test : tests) {
            Path report = project.resolve("target/surefire-reports/TEST-" + test + ".xml");
            assertThat(report).as("%s: the report of %s", page, test).isRegularFile();
            String xml = Files.readString(report);
            assertThat(xml).as("%s: %s", page, report).doesNotContain("tests=\"0\"").contains("failures=\"0\"")
                    .contains("errors=\"0\"").contains("skipped=\"0\"");
        }
    }

    /** Settings that mirror every repository to the user's local repository, read as a file: repository. */
    private static Path settings(Path dir) throws IOException {
        String url = Path.of(System.getProperty("docs.user-repo")).toUri().toString();
        Path settings = dir.resolve("settings.xml");
        Files.writeString(settings, """
                <settings>
                    <mirrors>
                        <mirror>
                            <id>local.central</id>
                            <mirrorOf>*</mirrorOf>
                            <url>%s</url>
                        </mirror>
                    </mirrors>
                </settings>
                """.formatted(url));
        return settings;
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in the text");
        }
        return m.group(1);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
