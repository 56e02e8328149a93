package dev.redlock.datasource;

import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.MetaAnnotations;
import jakarta.enterprise.inject.build.compatible.spi.MethodConfig;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.util.Nonbinding;

/**
 * The build-compatible extension of {@code redlock-datasource}, for containers without portable extensions
 * (Quarkus): registers {@link DatasourceLevels}. Where {@link DatasourceExtension} runs (Weld), the container skips
 * this one, and the portable extension registers the bean and also checks the settings at start-up.
 *
 * @since 0.1
 */
@SkipIfPortableExtensionPresent(DatasourceExtension.class)
public class DatasourceBuildExtension implements BuildCompatibleExtension {

    /** Created by the container through {@code META-INF/services}. */
    public DatasourceBuildExtension() {
    }

    /**
     * Adds {@link DatasourceLevels} and declares {@link Datasource @Datasource} a qualifier with a non-binding value,
     * as its own annotations do: a container that indexes only the application does not read them from this jar.
     *
     * @param scan        the classes to discover
     * @param annotations the meta-annotations
     */
    @Discovery
    public void discover(ScannedClasses scan, MetaAnnotations annotations) {
        scan.add(DatasourceLevels.class.getName());
        ClassConfig qualifier = annotations.addQualifier(Datasource.class);
        for (MethodConfig m : qualifier.methods()) {
            if (!m.info().hasAnnotation(Nonbinding.class)) {
                m.addAnnotation(Nonbinding.class);
            }
        }
    }
}
