package dev.redlock.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code mvn redlock:create-meta -Dmodule=demo-student [-Dname=redlock] [-Dpackage=com.example.student]}: creates a
 * redlock meta class {@code Meta<Name>} in the project's source root, and the module's {@code package-info.java} with
 * {@code @Module} when the package is in no module yet. It never overwrites a file: when the meta class exists the
 * build fails naming it, and nothing is written. It prints each file it wrote.
 *
 * <p>Each execution is independent and keeps no state. Failures carry an {@code RL4xxx} code: {@code RL4001} module
 * name, {@code RL4002} package, {@code RL4003} meta name, {@code RL4004} the file exists, {@code RL4005} the package
 * is in another module, {@code RL4006} a file cannot be written.
 */
@Mojo(name = "create-meta", requiresProject = true, threadSafe = true)
public final class CreateMetaMojo extends AbstractMojo {

    /** The module name, kebab-case: {@code demo-student}. */
    @Parameter(property = "module")
    private @Nullable String module;

    /** The meta name, lower camel case; the class is {@code Meta<Name>}. */
    @Parameter(property = "name", defaultValue = "redlock")
    private String name = "redlock";

    /**
     * The module's Java package. By default the package that already declares the module under the source root, else
     * the project's groupId followed by the module name without hyphens.
     */
    @Parameter(property = "package")
    private @Nullable String packageName;

    /** The resources of {@code lock} to declare, comma-separated: {@code -Dlock=name}. None by default. */
    @Parameter(property = "lock")
    private List<String> lock = new ArrayList<>();

    /** The resources of {@code lockIsolate} to declare, comma-separated. None by default. */
    @Parameter(property = "isolate")
    private List<String> isolate = new ArrayList<>();

    /** The source root written into. */
    @Parameter(defaultValue = "${project.build.sourceDirectory}", required = true)
    private File sourceDirectory = new File("src/main/java");

    /** The project's groupId, the start of the default package. */
    @Parameter(defaultValue = "${project.groupId}", readonly = true, required = true)
    private String groupId = "";

    /** Creates the mojo; Maven sets its parameters. */
    public CreateMetaMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String module = this.module;
        if (module == null || module.isBlank()) {
            throw new MojoFailureException("RL4001: -Dmodule: missing; name the module, such as -Dmodule=demo-student");
        }
        try {
            String pkg = packageName != null
                    ? packageName
                    : MetaScaffold.defaultPackage(sourceDirectory.toPath(), module, groupId);
            for (String line : MetaScaffold.create(sourceDirectory.toPath(), module, pkg, name, nonBlank(lock),
                    nonBlank(isolate))) {
                getLog().info(line);
            }
        } catch (MetaScaffold.ScaffoldException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("RL4006: " + sourceDirectory + ": cannot write the meta, " + e, e);
        }
    }

    /** {@code -Dlock=} gives one empty entry: no resources. */
    private static List<String> nonBlank(List<String> resources) {
        return resources.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toList());
    }
}
