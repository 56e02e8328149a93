package dev.redlock.datasource;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;

import org.jspecify.annotations.NullMarked;

/**
 * Selects a datasource configured under {@code redlock.datasources.<name>}: inject
 * {@code @Datasource DataSource} for the default one and {@code @Datasource("reports") DataSource} for a named one.
 * The injected {@link javax.sql.DataSource} hands out connections from the pool of the caller's current datasource
 * level (see {@link DatasourceLevels}).
 *
 * <p>Every such {@code DataSource} carries this qualifier, none is {@code @Default}, so an application's own
 * unqualified {@code DataSource} bean keeps resolving as before. The value is {@link Nonbinding}: one producer serves
 * every name, and a name that is not configured fails start-up with RL2501 naming the injection point (a dynamic
 * {@code Instance.select} of one fails when it is resolved).
 *
 * @since 0.1
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD, TYPE})
@NullMarked
public @interface Datasource {

    /**
     * The datasource name.
     *
     * @return the name; {@value DatasourceSettings#DEFAULT_NAME} when not given
     */
    @Nonbinding
    String value() default DatasourceSettings.DEFAULT_NAME;

    /** The qualifier as a value, for {@code Instance.select(Datasource.Literal.of("reports"))}. */
    final class Literal extends AnnotationLiteral<Datasource> implements Datasource {
        private static final long serialVersionUID = 1L;

        /** The qualifier of the default datasource. */
        public static final Literal DEFAULT = new Literal(DatasourceSettings.DEFAULT_NAME);

        /** The qualifier's value. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier of a named datasource.
         *
         * @param name the datasource name; must not be {@code null}
         * @return the qualifier
         */
        public static Literal of(String name) {
            return new Literal(Objects.requireNonNull(name, "name"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
