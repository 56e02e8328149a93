package dev.redlock.bench.jmh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.redlock.cdi.RedlockExtension;
import dev.redlock.testkit.RedisNodes;

/**
 * Start-up of a Weld SE container with the redlock extension and {@value #METAS} {@code @Meta} beans in
 * {@value #MODULES} modules, with the processor's build-time index ({@code META-INF/redlock/index}) and without it
 * (the extension then reads each package's {@code @Module} by reflection).
 *
 * <p>The trial set-up writes the sources, compiles them with {@code javac} and the redlock processor (the same one
 * applications use), deletes the index for {@code index=false}, and loads the classes in a class loader of their
 * own. Each invocation measures {@code Weld.initialize()} alone: discovery, validation and the engine's start on
 * one local node; the container is closed after the measurement.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10)
@Measurement(iterations = 20)
@State(Scope.Benchmark)
public class WeldStartupBenchmark {

    static final int MODULES = 50;
    static final int METAS = 1000;

    /** With ({@code true}) or without the processor's index. */
    @Param({"true", "false"})
    public boolean index;

    private RedisNodes nodes;
    private Path dir;
    private URLClassLoader loader;
    private List<Class<?>> metas;
    private WeldContainer container;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        nodes = AllocationBenchmark.startNode();
        dir = Files.createTempDirectory("redlock-weld-startup");
        Path src = dir.resolve("src");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        List<String> classNames = generate(src);
        compile(src, out);
        Path idx = out.resolve("META-INF/redlock/index");
        if (!Files.exists(idx)) {
            throw new IllegalStateException("the processor wrote no index to " + idx);
        }
        if (!index) {
            Files.delete(idx);
        }
        loader = new URLClassLoader(new URL[]{out.toUri().toURL()}, getClass().getClassLoader());
        metas = new ArrayList<>();
        for (String name : classNames) {
            metas.add(loader.loadClass(name));
        }
        System.setProperty("redlock.nodes", String.join(",", nodes.uris()));
        System.setProperty("redlock.app-name", "startup");
    }

    /** {@value #MODULES} packages {@code gen.mNN}, each a module with {@code METAS / MODULES} metas. */
    private static List<String> generate(Path src) throws IOException {
        List<String> names = new ArrayList<>();
        for (int m = 0; m < MODULES; m++) {
            String pkg = String.format(Locale.ROOT, "gen.m%02d", m);
            Path p = src.resolve(pkg.replace('.', '/'));
            Files.createDirectories(p);
            Files.writeString(p.resolve("package-info.java"), "@dev.redlock.api.Module(\"gen-m"
                    + String.format(Locale.ROOT, "%02d", m) + "\")\npackage " + pkg + ";\n", StandardCharsets.UTF_8);
            for (int i = 0; i < METAS / MODULES; i++) {
                String cls = String.format(Locale.ROOT, "MetaLock%03d", i);
                Files.writeString(p.resolve(cls + ".java"), "package " + pkg + ";\n\n"
                        + "@dev.redlock.api.Meta\n"
                        + "@dev.redlock.api.RedlockResources(lock = {\"a\", \"b-{id}\"}, isolate = \"c\")\n"
                        + "public class " + cls + " extends dev.redlock.api.BeanRedlockBase<" + cls + "_.Lock, " + cls
                        + "_.Isolate> {\n}\n", StandardCharsets.UTF_8);
                names.add(pkg + "." + cls);
            }
        }
        return names;
    }

    private static void compile(Path src, Path out) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the benchmark on a JDK, not a JRE");
        }
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-proc:full",
                "-classpath", System.getProperty("java.class.path"), "-processorpath",
                System.getProperty("java.class.path"), "-processor", "dev.redlock.processor.RedlockProcessor",
                "-nowarn"));
        if (Runtime.version().feature() < 21) {
            args.remove("-proc:full"); // older javac runs found processors by default and does not know the flag
        }
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        int status = javac.run(null, null, null, args.toArray(String[]::new));
        if (status != 0) {
            throw new IllegalStateException("javac failed with status " + status);
        }
    }

    @TearDown(Level.Invocation)
    public void closeContainer() {
        if (container != null) {
            container.close();
            container = null;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        System.clearProperty("redlock.nodes");
        System.clearProperty("redlock.app-name");
        loader.close();
        nodes.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Starts the container with the {@value #METAS} metas.
     *
     * @return the container, so that the work is not optimised away
     */
    @Benchmark
    public WeldContainer start() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader); // where the extension looks for the index
        try {
            container = new Weld("startup-" + System.nanoTime()).disableDiscovery()
                    .addBuildCompatibleExtensions(RedlockExtension.class).addBeanClasses(metas.toArray(Class<?>[]::new))
                    .skipShutdownHook().initialize();
            return container;
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
