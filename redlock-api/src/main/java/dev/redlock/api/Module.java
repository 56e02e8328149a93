package dev.redlock.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a package, and every package below it, as one module of the application.
 *
 * <p>Put it on {@code package-info.java}. A class belongs to the module of the nearest enclosing annotated
 * package: with {@code @Module("demo-student")} on {@code com.example.student}, both
 * {@code com.example.student.MetaRedlock} and {@code com.example.student.web.StudentController} belong to
 * {@code demo-student}, unless {@code com.example.student.web} is itself annotated.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface Module {

    /**
     * The module name: kebab-case, as in VonaJS, matching {@value #NAME_PATTERN} ({@code demo-student},
     * {@code a-auth}). It is part of every Redis key of the module's locks.
     *
     * @return the module name; never blank
     */
    String value();

    /** The pattern every module name must match: lower-case words of letters and digits joined by single hyphens. */
    String NAME_PATTERN = "[a-z][a-z0-9]*(-[a-z0-9]+)*";
}
