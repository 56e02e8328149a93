package dev.redlock.test.datasource;

import javax.sql.DataSource;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.redlock.datasource.Datasource;
import dev.redlock.datasource.DatasourceLevels;

/** Injects the datasources the way an application does, next to its own unqualified {@code DataSource}. */
@Dependent
class DatasourceConsumer {

    @Inject
    @Datasource
    DataSource main;

    @Inject
    @Datasource("reports")
    DataSource reports;

    @Inject
    DataSource appOwn;

    @Inject
    DatasourceLevels levels;
}
