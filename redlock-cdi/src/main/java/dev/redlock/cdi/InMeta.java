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
 * Selects the {@link RedlockEvent}s of one meta by its full name, as {@code Onion.inspectMeta} shows it:
 * {@code void onLost(@Observes @InMeta("a-auth:redlock") RedlockEvent event)}.
 *
 * @since 0.1
 */
@Documented
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface InMeta {

    /**
     * The meta's full name, {@code module:meta}: {@code a-auth:redlock}.
     *
     * @return the full name
     */
    String value();

    /** An instance of {@link InMeta} for programmatic use: {@code event.select(InMeta.Literal.of("a-auth:redlock"))}. */
    final class Literal extends AnnotationLiteral<InMeta> implements InMeta {

        private static final long serialVersionUID = 1L;

        /** The qualifier's value. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier for a meta.
         *
         * @param meta the meta's full name; must not be {@code null}
         * @return the qualifier
         */
        public static Literal of(String meta) {
            return new Literal(Objects.requireNonNull(meta, "meta"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
