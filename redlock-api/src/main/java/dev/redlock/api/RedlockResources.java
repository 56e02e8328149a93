package dev.redlock.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the lock resources of a redlock meta bean: the Java counterpart of VonaJS's
 * {@code BeanRedlockBase<'name', 'name' | `user-${string}`>}.
 *
 * <p>Each entry is a plain resource ({@code name}) or a literal template whose placeholders are written in braces
 * ({@code user-{userId}}, {@code order-{shop}-{id}}). From this annotation {@code redlock-meta-processor} generates
 * {@code <Class>_.Lock} and {@code <Class>_.Isolate}: a constant per plain resource ({@code NAME}) and a factory
 * per template ({@code user(String userId)}). An empty list generates a type with no values, so the matching
 * method cannot be called at all.
 *
 * <p>The literal part of a resource may hold {@code [A-Za-z0-9._:-]}; a placeholder name is a Java identifier.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RedlockResources {

    /**
     * The resources accepted by {@link BeanRedlockBase#lock lock}.
     *
     * @return plain resources and templates; may be empty
     */
    String[] lock() default {};

    /**
     * The resources accepted by {@link BeanRedlockBase#lockIsolate lockIsolate}.
     *
     * @return plain resources and templates; may be empty
     */
    String[] isolate() default {};
}
