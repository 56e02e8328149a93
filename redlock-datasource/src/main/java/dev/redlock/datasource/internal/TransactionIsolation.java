package dev.redlock.datasource.internal;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.spi.BeanManager;

import org.eclipse.microprofile.config.Config;
import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockedSupplier;

/**
 * Runs work in a transaction of its own, with the caller's transaction suspended around it. An interface free of JTA
 * types, so that the classes holding one load without {@code jakarta.transaction-api}; the one implementation,
 * {@link JtaTransactions}, is loaded only when that API is present.
 */
public interface TransactionIsolation {

    /**
     * Suspends the caller's transaction (if any), runs {@code fn} in a new transaction, commits it when {@code fn}
     * returns and rolls it back when it throws, and resumes the caller's transaction in every case.
     *
     * @param <T> the result type
     * @param <E> the checked exception {@code fn} may throw
     * @param fn  the work
     * @return what {@code fn} returned
     * @throws E                     what {@code fn} threw, after the rollback
     * @throws IllegalStateException RL2520 if the transaction manager failed (the commit included)
     */
    <T, E extends Exception> T inNewTransaction(LockedSupplier<T, E> fn) throws E;

    /**
     * The application's JTA transaction manager, if it has one: the {@code TransactionManager} bean, or the one bound
     * under the JNDI name of {@code redlock.jta.transaction-manager.jndi}.
     *
     * @param beanManager the bean manager, or {@code null} outside CDI
     * @param config      the configuration
     * @param problems    receives a problem per bad setting (RL2519, RL2521)
     * @return the isolation, or {@code null} without a transaction manager
     */
    static @Nullable TransactionIsolation find(@Nullable BeanManager beanManager, Config config,
            List<String> problems) {
        Optional<String> jndi = config.getOptionalValue(DatasourceMessages.JTA_JNDI_KEY, String.class)
                .filter(v -> !v.isBlank()).map(String::trim);
        if (!jtaPresent()) {
            jndi.ifPresent(name -> problems.add(DatasourceMessages.jtaMissing(name)));
            return null;
        }
        return JtaTransactions.find(beanManager, jndi.orElse(null), problems);
    }

    private static boolean jtaPresent() {
        try {
            Class.forName("jakarta.transaction.TransactionManager", false, TransactionIsolation.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
