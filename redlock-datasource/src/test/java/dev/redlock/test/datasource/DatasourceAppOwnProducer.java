package dev.redlock.test.datasource;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.h2.jdbcx.JdbcDataSource;

/** An application's own, unqualified {@code DataSource} bean, which the datasource levels must not clash with. */
@ApplicationScoped
class DatasourceAppOwnProducer {

    @Produces
    @ApplicationScoped
    JdbcDataSource appOwn() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:app-own");
        return ds;
    }
}
