package dev.redlock.test.datasource;

import javax.sql.DataSource;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.redlock.datasource.Datasource;

/** Names a datasource that is not configured. */
@Dependent
class DatasourceUnknownConsumer {

    @Inject
    @Datasource("nope")
    DataSource nope;
}
