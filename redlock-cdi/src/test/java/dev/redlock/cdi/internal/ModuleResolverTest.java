package dev.redlock.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.redlock.cdi.internal.fixture.sub.InSub;
import dev.redlock.cdi.internal.fixture.sub.inner.InInner;

final class ModuleResolverTest {

    @Test
    void moduleOf_nearestEnclosingAnnotatedPackage_byReflection() {
        ModuleResolver resolver = new ModuleResolver(Map.of());
        assertThat(resolver.moduleOf(InSub.class))
                .isEqualTo(new ModuleResolver.ModuleDecl("fixture-module", "dev.redlock.cdi.internal.fixture"));
        assertThat(resolver.moduleOf(InInner.class)).isEqualTo(
                new ModuleResolver.ModuleDecl("inner-module", "dev.redlock.cdi.internal.fixture.sub.inner"));
        assertThat(resolver.moduleOf(ModuleResolverTest.class)).isNull();
        assertThat(resolver.moduleOf(String.class)).isNull();
    }

    @Test
    void moduleOf_indexWinsOverReflection_andReflectionCoversWhatTheIndexDoesNot() {
        // the index says the fixture package is "from-index"; the inner package is not in it, so its package-info
        // is loaded and wins as the nearer declaration
        ModuleResolver resolver = new ModuleResolver(Map.of("dev.redlock.cdi.internal.fixture", "from-index"));
        assertThat(resolver.moduleOf(InSub.class).name()).isEqualTo("from-index");
        assertThat(resolver.moduleOf(InInner.class).name()).isEqualTo("inner-module");
    }
}
