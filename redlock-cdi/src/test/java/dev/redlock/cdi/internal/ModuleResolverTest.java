package dev.redlock.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.Test;

import dev.redlock.cdi.internal.fixture.sub.InSub;
import dev.redlock.cdi.internal.fixture.sub.inner.InInner;

final class ModuleResolverTest {

    @Test
    void moduleOf_nearestEnclosingAnnotatedPackage_byReflection() {
        ModuleResolver resolver = new ModuleResolver(Map.of(), Set.of());
        assertThat(resolver.moduleOf(InSub.class))
                .isEqualTo(new ModuleResolver.ModuleDecl("fixture-module", "dev.redlock.cdi.internal.fixture"));
        assertThat(resolver.moduleOf(InInner.class)).isEqualTo(
                new ModuleResolver.ModuleDecl("inner-module", "dev.redlock.cdi.internal.fixture.sub.inner"));
        assertThat(resolver.moduleOf(ModuleResolverTest.class)).isNull();
        assertThat(resolver.moduleOf(String.class)).isNull();
    }

    @Test
    void moduleOf_indexWinsOverReflection_andIndexedPackagesAreNotLoaded() {
        // the index says the fixture package is "from-index"; the sub package is known to have no @Module,
        // and the inner package is known too: without the index entry, reflection would find inner-module
        ModuleResolver resolver = new ModuleResolver(Map.of("dev.redlock.cdi.internal.fixture", "from-index"),
                Set.of("dev.redlock.cdi.internal.fixture.sub", "dev.redlock.cdi.internal.fixture.sub.inner"));
        assertThat(resolver.moduleOf(InInner.class).name()).isEqualTo("from-index");
        assertThat(resolver.moduleOf(InSub.class).name()).isEqualTo("from-index");
    }

    @Test
    void addJandex_readsModuleAnnotationsOnPackageInfo() throws IOException {
        Indexer indexer = new Indexer();
        for (String c : new String[]{"fixture/package-info", "fixture/sub/InSub", "fixture/sub/inner/package-info"}) {
            try (InputStream in = ModuleResolverTest.class.getResourceAsStream(c + ".class")) {
                indexer.index(in);
            }
        }
        Map<String, String> modules = new HashMap<>();
        Set<String> packages = new HashSet<>();
        ModuleResolver.addJandex(indexer.complete(), modules, packages);
        assertThat(modules).containsOnly(Map.entry("dev.redlock.cdi.internal.fixture", "fixture-module"),
                Map.entry("dev.redlock.cdi.internal.fixture.sub.inner", "inner-module"));
        assertThat(packages).contains("dev.redlock.cdi.internal.fixture.sub");
    }
}
