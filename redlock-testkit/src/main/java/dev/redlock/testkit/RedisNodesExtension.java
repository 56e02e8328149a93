package dev.redlock.testkit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link WithRedisNodes @WithRedisNodes}: resolves {@link RedisNodes} parameters,
 * starting the servers on first use and keeping them in the extension store of the scope that owns them, which
 * closes them when the scope ends.
 *
 * <p>Registered by the annotation; register it directly only to resolve {@code RedisNodes} with the defaults.
 *
 * @since 0.1
 */
public class RedisNodesExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(RedisNodesExtension.class);

    /** Creates the extension; JUnit calls this. */
    public RedisNodesExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisNodes.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Scope scope = scopeOf(context);
        ExtensionContext.Store store = scope.owner().getStore(NAMESPACE);
        Holder holder = store.getOrComputeIfAbsent(Holder.class, k -> new Holder(scope.settings()), Holder.class);
        return holder.nodes;
    }

    private static Scope scopeOf(ExtensionContext context) {
        Optional<WithRedisNodes> onMethod = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, WithRedisNodes.class));
        if (onMethod.isPresent()) {
            return new Scope(context, onMethod.get());
        }
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        WithRedisNodes settings = findOnClass(classContext.getTestClass().map(c -> (AnnotatedElement) c))
                .orElseThrow(() -> new ParameterResolutionException("RedisNodes parameters need @WithRedisNodes on"
                        + " the test class or method"));
        boolean perMethod = settings.lifecycle() == WithRedisNodes.Lifecycle.PER_METHOD;
        return new Scope(perMethod && context.getTestMethod().isPresent() ? context : classContext, settings);
    }

    private static Optional<WithRedisNodes> findOnClass(Optional<AnnotatedElement> type) {
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Optional<WithRedisNodes> found = AnnotationSupport.findAnnotation(type.get(), WithRedisNodes.class);
        if (found.isEmpty() && type.get() instanceof Class<?> c && c.getEnclosingClass() != null) {
            return findOnClass(Optional.of(c.getEnclosingClass())); // @Nested test classes
        }
        return found;
    }

    private record Scope(ExtensionContext owner, WithRedisNodes settings) {
    }

    /** Closes the servers when JUnit closes the store (either closing protocol). */
    @SuppressWarnings("deprecation")
    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        final RedisNodes nodes;

        Holder(WithRedisNodes settings) {
            this.nodes = RedisNodes.builder().count(settings.count()).args(settings.args()).start();
        }

        @Override
        public void close() {
            nodes.close();
        }
    }
}
