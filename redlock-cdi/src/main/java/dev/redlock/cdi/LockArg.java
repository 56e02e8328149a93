package dev.redlock.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the placeholder of a {@link Locked @Locked} resource template that a method parameter fills, for code
 * compiled without {@code javac -parameters} (whose parameters are {@code arg0}, {@code arg1}, ... at run time) or
 * whose parameter is named otherwise:
 *
 * <pre>{@code
 * @Locked(meta = MetaRedlock.class, lock = "user-{userId}")
 * public void update(@LockArg("userId") String id, Profile profile) { ... }
 * }</pre>
 *
 * <p>An annotated parameter fills its placeholder even if another parameter has the placeholder's name. Naming a
 * placeholder the template does not have, or one placeholder twice, fails the application's start.
 *
 * @since 0.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface LockArg {

    /**
     * The placeholder name, without braces: {@code userId} for {@code {userId}}.
     *
     * @return the placeholder name
     */
    String value();
}
