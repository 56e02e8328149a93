package dev.redlock.test.app;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The application's own DataSource beans, named as an application would name them; levels are mapped to them by
 * {@code redlock.datasources.<ds>.levels.<n>.bean}. The pools themselves are real (Agroal over H2 or PostgreSQL) and
 * set by the test before the container starts.
 */
@Singleton
public class AppDataSources {

    /** The pool behind {@code @Named("app-l0")}. */
    public static volatile DataSource level0;
    /** The pool behind {@code @Named("app-l1")}. */
    public static volatile DataSource level1;

    @Produces
    @Singleton
    @Named("app-l0")
    DataSource level0() {
        return level0;
    }

    @Produces
    @Singleton
    @Named("app-l1")
    DataSource level1() {
        return level1;
    }
}
