package dev.redlock.datasource;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.ClassConfig;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.MetaAnnotations;
import jakarta.enterprise.inject.build.compatible.spi.MethodConfig;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Singleton;

import dev.redlock.datasource.internal.DatasourceDeployment;
import dev.redlock.datasource.internal.StartChecks;

/**
 * The build-compatible extension of {@code redlock-datasource}, for containers without portable extensions
 * (Quarkus): registers {@link DatasourceLevels}. Where {@link DatasourceExtension} runs (Weld), the container skips
 * this one, and the portable extension registers the bean and also checks the settings at start-up. Here the same
 * checks run when the application starts, through a synthetic bean that {@link DatasourceLevels} creates: a bad
 * {@code redlock.datasources.*} setting fails the start with all its RL25xx problems at once.
 *
 * @since 0.1
 */
@SkipIfPortableExtensionPresent(DatasourceExtension.class)
public class DatasourceBuildExtension implements BuildCompatibleExtension {

    private final Queue<DatasourceDeployment.Use> uses = new ConcurrentLinkedQueue<>();

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

    /**
     * Records the {@code @Datasource} injection points, whose names are checked when the application starts.
     *
     * @param bean any bean
     */
    @Registration(types = Object.class)
    public void injectionPoints(BeanInfo bean) {
        for (InjectionPointInfo ip : bean.injectionPoints()) {
            for (AnnotationInfo q : ip.qualifiers()) {
                if (q.name().equals(Datasource.class.getName())) {
                    String name = q.hasMember("value") ? q.value().asString() : DatasourceSettings.DEFAULT_NAME;
                    uses.add(new DatasourceDeployment.Use(name, where(ip.declaration())));
                }
            }
        }
    }

    /**
     * Registers the start-up checks, with the injection points found.
     *
     * @param components where to register
     */
    @Synthesis
    public void synthesize(SyntheticComponents components) {
        components.addBean(StartChecks.class)
                .type(StartChecks.class)
                .scope(Singleton.class)
                .withParam(StartChecks.NAMES, uses.stream().map(DatasourceDeployment.Use::name).toArray(String[]::new))
                .withParam(StartChecks.WHERES,
                        uses.stream().map(DatasourceDeployment.Use::where).toArray(String[]::new))
                .createWith(StartChecks.Creator.class);
    }

    /** As {@code DatasourceMessages.describe}: {@code com.acme.Reports.field}, {@code ...<init> (parameter 0)}. */
    private static String where(DeclarationInfo d) {
        if (d.isField()) {
            return d.asField().declaringClass().name() + "." + d.asField().name();
        }
        ParameterInfo p = d.asParameter();
        MethodInfo m = p.declaringMethod();
        return m.declaringClass().name() + "." + (m.isConstructor() ? "<init>" : m.name()) + " (parameter "
                + m.parameters().indexOf(p) + ")";
    }
}
