/**
 * Redlock datasource levels: what {@code lockIsolate} runs its function in. Pools it makes (HikariCP), or the
 * application's own DataSources (CDI beans, JNDI); JTA suspension when a transaction manager is present. Exports only
 * {@code dev.redlock.datasource}.
 */
@org.jspecify.annotations.NullMarked
module dev.redlock.datasource {
    requires transitive dev.redlock.api;
    // provided by the container at run time; part of the API (@Qualifier, AnnotationLiteral)
    requires static transitive jakarta.cdi;
    requires static transitive jakarta.inject;
    // only when the application has JTA
    requires static jakarta.transaction;
    // Config is part of the API (DatasourceLevels.fromConfig)
    requires transitive io.smallrye.config;
    // DataSource is part of the DatasourceLevels API
    requires transitive java.sql;
    requires java.naming;
    requires java.logging;
    requires com.zaxxer.hikari;

    exports dev.redlock.datasource;

    // the JDBC drivers of the application's class loader, for the pools it makes
    uses java.sql.Driver;

    provides jakarta.enterprise.inject.spi.Extension with dev.redlock.datasource.DatasourceExtension;
    provides jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension
            with dev.redlock.datasource.DatasourceBuildExtension;
}
