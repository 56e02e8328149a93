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
 * Selects the lock engine of a named client, for code that needs the engine's own API ({@code Redlock.acquire},
 * {@code Redlock.addListener}, ...): {@code @Inject @RedlockClient("orders") Redlock orders}. The default client's
 * engine is injected without a qualifier: {@code @Inject Redlock redlock}.
 *
 * <p>The engine belongs to the extension, which closes it at shutdown: do not close it. Its keys are not prefixed
 * (give full keys), and locks taken through it fire no {@link RedlockEvent}. A name that is not a configured client
 * fails the start ({@code RL2009}); only names used by injection points get a bean, so programmatic lookup needs an
 * injection point of the same name somewhere in the application.
 *
 * @since 0.1
 */
@Documented
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface RedlockClient {

    /**
     * The client's name, as configured: {@code orders} for {@code redlock.clients.orders.*}.
     *
     * @return the client's name
     */
    String value();

    /**
     * An instance of {@link RedlockClient} for programmatic lookup:
     * {@code instance.select(RedlockClient.Literal.of("orders"))}.
     */
    final class Literal extends AnnotationLiteral<RedlockClient> implements RedlockClient {

        private static final long serialVersionUID = 1L;

        /** The qualifier's value. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier for a client.
         *
         * @param client the client's name; must not be {@code null}
         * @return the qualifier
         */
        public static Literal of(String client) {
            return new Literal(Objects.requireNonNull(client, "client"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
