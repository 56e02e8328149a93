package dev.redlock.test.datasource;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;

import io.smallrye.common.annotation.Identifier;

import dev.redlock.test.app.AppDataSources;

/**
 * A second DataSource named {@code app-l1}, by SmallRye's {@code @Identifier} (two {@code @Named} beans of one name
 * Weld refuses itself), and two transaction managers: ambiguous on purpose.
 */
@Singleton
class DuplicateBeans {

    @Produces
    @Singleton
    @Identifier("app-l1")
    DataSource sameName() {
        return AppDataSources.level1;
    }

    @Produces
    @Singleton
    TransactionManager first() {
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    @Produces
    @Singleton
    @Named("second")
    TransactionManager second() {
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }
}
