package dev.redlock.test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import dev.redlock.cdi.RedlockExtension;
import dev.redlock.testkit.SystemProperties;

/**
 * Boots Weld SE with the extension and some bean classes, configured by properties that are visible (as system
 * properties) only while the container starts: the extension reads its configuration at start-up.
 */
final class Containers {

    private Containers() {
    }

    /** Properties for a container: the nodes and the profile, plus anything else. */
    static Map<String, String> config(String nodes, String... keyValues) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("redlock.nodes", nodes);
        props.put("redlock.app-name", "demo");
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        return props;
    }

    /** Starts a container; the caller closes it. */
    static WeldContainer boot(Map<String, String> props, Class<?>... beanClasses) {
        return SystemProperties.during(props, () -> new Weld(UUID.randomUUID().toString()).disableDiscovery()
                .addBuildCompatibleExtensions(RedlockExtension.class)
                .addBeanClasses(beanClasses).initialize());
    }
}
