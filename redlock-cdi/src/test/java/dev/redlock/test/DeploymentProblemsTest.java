package dev.redlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.assertj.core.api.AbstractThrowableAssert;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.redlock.test.problems.ambiguous.MetaFirst;
import dev.redlock.test.problems.ambiguous.MetaSecond;
import dev.redlock.test.problems.duplicate.MetaOther;
import dev.redlock.test.problems.isolations.FirstIsolation;
import dev.redlock.test.problems.isolations.SecondIsolation;
import dev.redlock.test.problems.resolvers.FirstResolver;
import dev.redlock.test.problems.resolvers.SecondResolver;

/** Each deployment problem fails start-up with its code, naming the class and the fix; all are reported at once. */
final class DeploymentProblemsTest {

    /** Never contacted: every scenario fails before the engines start. */
    private static final Map<String, String> CONFIG = Containers.config("redis://127.0.0.1:1");

    private static AbstractThrowableAssert<?, ? extends Throwable> assertBootFails(Class<?>... classes) {
        return assertThatThrownBy(() -> Containers.boot(CONFIG, classes).close())
                .isInstanceOf(DeploymentException.class);
    }

    @Test
    void anEngineOfAnUnknownClient() {
        assertBootFails(dev.redlock.test.problems.unknownengine.EngineUser.class)
                .hasMessageContaining("RL2009: dev.redlock.test.problems.unknownengine.EngineUser#orders:"
                        + " @RedlockClient(\"orders\") names no configured client; configured clients are [default]");
    }

    @Test
    void metaOutsideAnyModule() {
        assertBootFails(dev.redlock.test.problems.outside.MetaRedlock.class)
                .hasMessageContaining("RL2001: dev.redlock.test.problems.outside.MetaRedlock: @Meta class outside any"
                        + " module")
                .hasMessageContaining("@Module(\"name\")");
    }

    @Test
    void twoMetasWithTheSameName() {
        assertBootFails(dev.redlock.test.problems.duplicate.MetaRedlock.class, MetaOther.class)
                .hasMessageContaining("RL2002: dev.redlock.test.problems.duplicate.MetaOther,"
                        + " dev.redlock.test.problems.duplicate.MetaRedlock: two metas are named dup:redlock");
    }

    @Test
    void metaNotExtendingBeanRedlockBase() {
        assertBootFails(dev.redlock.test.problems.notbase.MetaRedlock.class)
                .hasMessageContaining("RL2003: dev.redlock.test.problems.notbase.MetaRedlock: @Meta class does not"
                        + " extend BeanRedlockBase");
    }

    @Test
    void invalidModuleName() {
        assertBootFails(dev.redlock.test.problems.badmodule.MetaRedlock.class)
                .hasMessageContaining("RL2004: dev.redlock.test.problems.badmodule")
                .hasMessageContaining("was 'Bad_Module'; use kebab-case");
    }

    @Test
    void invalidMetaName() {
        assertBootFails(dev.redlock.test.problems.badname.MetaRedlock.class)
                .hasMessageContaining("RL2005: dev.redlock.test.problems.badname.MetaRedlock: invalid meta name, was"
                        + " 'Bad-Name'");
    }

    @Test
    void keywordMetaName_isRefusedAsByTheProcessor() {
        assertBootFails(dev.redlock.test.problems.badname.MetaNew.class)
                .hasMessageContaining("RL2005: dev.redlock.test.problems.badname.MetaNew: invalid meta name, was"
                        + " 'new': it is a Java keyword");
    }

    @Test
    void malformedResources_eachReported() {
        assertBootFails(dev.redlock.test.problems.badresource.MetaRedlock.class)
                .hasMessageContaining("RL2006: dev.redlock.test.problems.badresource.MetaRedlock:"
                        + " @RedlockResources(lock): malformed resource 'name': declared twice")
                .hasMessageContaining("@RedlockResources(isolate): malformed resource 'user-{userId': unclosed '{'");
    }

    @Test
    void beanRedlockBaseWithoutMeta() {
        assertBootFails(dev.redlock.test.problems.basewithoutmeta.MetaRedlock.class)
                .hasMessageContaining("RL2007: dev.redlock.test.problems.basewithoutmeta.MetaRedlock: bean extends"
                        + " BeanRedlockBase but is not annotated @Meta");
    }

    @Test
    void metaOnUnknownClient() {
        assertBootFails(dev.redlock.test.problems.unknownclient.MetaRedlock.class)
                .hasMessageContaining("RL2008: dev.redlock.test.problems.unknownclient.MetaRedlock"
                        + " (unknown-client:redlock): unknown client 'nope' from @Meta(client = \"nope\")");
    }

    @Test
    void unqualifiedInjectionOutsideAnyModule() {
        assertBootFails(dev.redlock.test.problems.injectoutside.Controller.class)
                .hasMessageContaining("RL2010: dev.redlock.test.problems.injectoutside.Controller#redlock:"
                        + " unqualified BeanRedlockBase<?, ?> injected into a class outside any module");
    }

    @Test
    void unqualifiedInjectionInAModuleWithoutMeta() {
        assertBootFails(dev.redlock.test.problems.nometa.Controller.class)
                .hasMessageContaining("RL2011: dev.redlock.test.problems.nometa.Controller#redlock: module 'no-meta'"
                        + " has no @Meta bean");
    }

    @Test
    void unqualifiedInjectionInAModuleWithSeveralMetasNoneNamedRedlock() {
        assertBootFails(dev.redlock.test.problems.ambiguous.Controller.class, MetaFirst.class, MetaSecond.class)
                .hasMessageContaining("RL2012: dev.redlock.test.problems.ambiguous.Controller#redlock: module"
                        + " 'ambiguous' has several metas [ambiguous:first, ambiguous:second] and none named"
                        + " 'redlock'");
    }

    @Test
    void inModuleNamingNoModule() {
        assertBootFails(dev.redlock.test.problems.unknownmodule.Controller.class)
                .hasMessageContaining("RL2013: dev.redlock.test.problems.unknownmodule.Controller#redlock:"
                        + " @InModule(\"no-such-module\") names no module with a meta");
    }

    @Test
    void twoInstanceNameResolvers() {
        assertBootFails(FirstResolver.class, SecondResolver.class)
                .hasMessageContaining("RL2014: InstanceNameResolver: 2 beans found");
    }

    @Test
    void twoDatasourceIsolations() {
        assertBootFails(FirstIsolation.class, SecondIsolation.class)
                .hasMessageContaining("RL2016: DatasourceIsolation: 2 beans found");
    }

    @Test
    void everyProblemIsReportedTogether() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Containers.boot(CONFIG,
                dev.redlock.test.problems.outside.MetaRedlock.class,
                dev.redlock.test.problems.notbase.MetaRedlock.class,
                dev.redlock.test.problems.badname.MetaRedlock.class,
                dev.redlock.test.problems.injectoutside.Controller.class).close());
        assertThat(t).isInstanceOf(DeploymentException.class);
        assertThat(t.getMessage()).contains("RL2001", "RL2003", "RL2005", "RL2010");
    }

    private static final Class<?>[] APP = {dev.redlock.test.app.student.MetaRedlock.class,
            dev.redlock.test.app.auth.MetaRedlock.class};

    @Test
    void badConfigValue_failsStartUpNamingTheProperty() {
        Map<String, String> config = Containers.config("redis://127.0.0.1:1", "redlock.lease-time", "8 seconds",
                "redlock.retry-count", "-5");
        assertThatThrownBy(() -> Containers.boot(config, APP).close()).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2100: redlock configuration:").hasMessageContaining("redlock.lease-time");
    }

    @Test
    void badInspectLogLevel_failsStartUpNamingThePropertyAndTheLevels() {
        Map<String, String> config = Containers.config("redis://127.0.0.1:1", "redlock.inspect.log-level", "LOUD");
        assertThatThrownBy(() -> Containers.boot(config, APP).close()).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2102: redlock.inspect.log-level: invalid value, was 'LOUD'; use TRACE, DEBUG,"
                        + " INFO, WARN, ERROR or OFF");
    }

    @Test
    void noNodes_failsStartUpNamingRedlockNodes() {
        assertThatThrownBy(() -> Containers.boot(Map.of("redlock.app-name", "demo"), APP).close())
                .isInstanceOf(DeploymentException.class).hasMessageContaining("RL2101: redlock.nodes:");
    }

    @Test
    void overridesOfUnknownMetasAndModules() {
        Map<String, String> config = Containers.config("redis://127.0.0.1:1",
                "redlock.meta.\"demo-student:nope\".enable", "false", "redlock.modules.\"a-nope\".lease-time", "3s");
        assertThatThrownBy(() -> Containers.boot(config, APP).close()).isInstanceOf(DeploymentException.class)
                .hasMessageContaining("RL2104: redlock.meta.\"demo-student:nope\": no meta named 'demo-student:nope';"
                        + " known are [a-auth:redlock, demo-student:redlock]")
                .hasMessageContaining("RL2104: redlock.modules.\"a-nope\": no module with metas named 'a-nope'");
    }

    @Test
    void aConfigRegisteredWithMicroProfile_isRead() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(loader));
        resolver.registerConfig(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("redlock.nodes", "redis://127.0.0.1:1", "redlock.retry-count", "-5"), "registered", 500))
                .build(), loader);
        try {
            assertThatThrownBy(() -> Containers.boot(Map.of(), APP).close()).isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("RL2102: redlock.retry-count: invalid value, was '-5'");
        } finally {
            resolver.releaseConfig(resolver.getConfig(loader));
        }
    }
}
