package dev.redlock.test.jta;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;

/** Narayana's transaction manager as the application's {@code TransactionManager} bean, as Quarkus provides it. */
@Singleton
public class NarayanaBeans {

    @Produces
    @Singleton
    TransactionManager transactionManager() {
        return com.arjuna.ats.jta.TransactionManager.transactionManager();
    }
}
