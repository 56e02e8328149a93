package dev.redlock.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;

/**
 * Declares a meta bean of a module: for this library, a distributed-lock bean extending {@link BeanRedlockBase}.
 *
 * <p>{@code @Meta} is a bean-defining stereotype: a meta bean is application scoped and discovered in any bean
 * archive, annotated or not. Its name is derived from the class name by dropping the {@code Meta} prefix and
 * lower-casing the first letter ({@code MetaRedlock} → {@code redlock}); its full name is
 * {@code module:meta} ({@code demo-student:redlock}).
 *
 * <p>A meta is <em>in effect</em> when it is enabled and its {@link #mode() modes} include the active profile.
 * Configuration overrides the attributes: {@code redlock.meta."demo-student:redlock".enable=false}.
 *
 * @since 0.1
 */
@Documented
@Stereotype
@ApplicationScoped
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Meta {

    /**
     * The meta name; empty derives it from the class name ({@code MetaRedlock} → {@code redlock}).
     *
     * @return the meta name, or empty for the derived one
     */
    String name() default "";

    /**
     * Whether the meta is enabled. A disabled meta stays a bean but is not in effect: its lock methods fail with
     * {@link IllegalStateException} and inspect does not list it.
     *
     * @return {@code true} unless disabled
     */
    boolean enable() default true;

    /**
     * The profiles (SmallRye Config profiles such as {@code dev}, {@code test}, {@code prod}) in which the meta is in
     * effect; empty means all of them.
     *
     * @return the profiles, or empty for all
     */
    String[] mode() default {};

    /**
     * The named Redis client ({@code redlock.clients.<name>.*}) this meta locks on; empty means {@code default}.
     *
     * @return the client name, or empty for the default client
     */
    String client() default "";
}
