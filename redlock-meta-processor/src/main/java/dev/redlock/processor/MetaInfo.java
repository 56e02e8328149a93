package dev.redlock.processor;

import java.util.List;

/**
 * What the processor learned about one {@code @Meta} class that belongs to a module, as the scope class and the
 * index need it.
 *
 * @param module        the module name, such as {@code demo-student}
 * @param name          the meta name, such as {@code redlock}
 * @param canonicalName the canonical class name, such as {@code com.example.student.MetaRedlock}
 * @param binaryName    the binary class name, such as {@code com.example.student.Outer$MetaRedlock}
 * @param lock          the valid declarations of {@code @RedlockResources(lock)}, in declared order
 * @param isolate       the valid declarations of {@code @RedlockResources(isolate)}, in declared order
 */
record MetaInfo(String module, String name, String canonicalName, String binaryName, List<String> lock,
        List<String> isolate) {

    MetaInfo {
        lock = List.copyOf(lock);
        isolate = List.copyOf(isolate);
    }

    /** The full name {@code module:meta}. */
    String fullName() {
        return dev.redlock.api.spi.MetaNames.fullName(module, name);
    }
}
