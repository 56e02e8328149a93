package dev.redlock.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Selects the redlock meta of another module: {@code @Inject @InModule("a-auth") BeanRedlockBase<?, ?> auth}.
 *
 * <p>The injected bean is the module's default meta: its only meta, or the one named {@code redlock} when it has
 * several. A module without metas, or with several and none named {@code redlock}, is a deployment error.
 *
 * @since 0.1
 */
@Documented
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface InModule {

    /**
     * The module name, as given by {@link dev.redlock.api.Module @Module}: {@code a-auth}.
     *
     * @return the module name
     */
    String value();

    /** An instance of {@link InModule} for programmatic lookup: {@code instance.select(InModule.Literal.of("a-auth"))}. */
    final class Literal extends AnnotationLiteral<InModule> implements InModule {

        private static final long serialVersionUID = 1L;

        /** The qualifier's value. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier for a module.
         *
         * @param module the module name; must not be {@code null}
         * @return the qualifier
         */
        public static Literal of(String module) {
            return new Literal(Objects.requireNonNull(module, "module"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
