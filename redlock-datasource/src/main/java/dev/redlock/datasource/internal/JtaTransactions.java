package dev.redlock.datasource.internal;

import java.util.List;
import java.util.Set;

import javax.naming.NamingException;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.jspecify.annotations.Nullable;

import dev.redlock.api.LockedSupplier;

/**
 * {@link TransactionIsolation} over a JTA {@link TransactionManager}: suspend, begin, commit or roll back, resume. The
 * only class that touches {@code jakarta.transaction}, loaded only when that API is on the class path.
 */
final class JtaTransactions implements TransactionIsolation {

    private final TransactionManager tm;

    private JtaTransactions(TransactionManager tm) {
        this.tm = tm;
    }

    static @Nullable TransactionIsolation find(@Nullable BeanManager beanManager, @Nullable String jndi,
            List<String> problems) {
        if (jndi != null) {
            Object found;
            try {
                found = Jndi.lookup(jndi);
            } catch (NamingException | RuntimeException e) {
                problems.add(DatasourceMessages.jtaJndiFailed(jndi, e));
                return null;
            }
            if (found instanceof TransactionManager tm) {
                return new JtaTransactions(tm);
            }
            problems.add(DatasourceMessages.jtaJndiNotATransactionManager(jndi, found));
            return null;
        }
        if (beanManager == null) {
            return null;
        }
        Set<Bean<?>> beans = beanManager.getBeans(TransactionManager.class);
        if (beans.isEmpty()) {
            return null;
        }
        if (beans.size() > 1) {
            problems.add(DatasourceMessages.ambiguousTransactionManager(
                    beans.stream().map(b -> b.getBeanClass().getName()).sorted().toList()));
            return null;
        }
        Bean<?> bean = beans.iterator().next();
        return new JtaTransactions((TransactionManager) beanManager.getReference(bean, TransactionManager.class,
                beanManager.createCreationalContext(bean)));
    }

    @Override
    public <T, E extends Exception> T inNewTransaction(LockedSupplier<T, E> fn) throws E {
        Transaction caller;
        try {
            caller = tm.suspend(); // null when the caller has none
        } catch (SystemException | RuntimeException e) {
            throw DatasourceMessages.jtaFailed("suspend the caller's transaction", e);
        }
        Throwable failure = null;
        try {
            return isolated(fn);
        } catch (Throwable t) {
            failure = t;
            throw t;
        } finally {
            if (caller != null) {
                resume(caller, failure);
            }
        }
    }

    private <T, E extends Exception> T isolated(LockedSupplier<T, E> fn) throws E {
        try {
            tm.begin();
        } catch (NotSupportedException | SystemException | RuntimeException e) {
            throw DatasourceMessages.jtaFailed("begin the isolated transaction", e);
        }
        T result;
        try {
            result = fn.get();
        } catch (Throwable t) {
            try {
                tm.rollback();
            } catch (SystemException | RuntimeException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        try {
            tm.commit(); // fails with RollbackException when fn marked the transaction rollback-only
        } catch (RollbackException | HeuristicMixedException | HeuristicRollbackException | SystemException
                | RuntimeException e) {
            throw DatasourceMessages.jtaFailed("commit the isolated transaction", e);
        }
        return result;
    }

    /** Resumes the caller's transaction; a failure is thrown, or added to the one already on its way. */
    private void resume(Transaction caller, @Nullable Throwable failure) {
        try {
            tm.resume(caller);
        } catch (Exception e) {
            IllegalStateException resumeFailed = DatasourceMessages.jtaFailed("resume the caller's transaction", e);
            if (failure == null) {
                throw resumeFailed;
            }
            failure.addSuppressed(resumeFailed);
        }
    }
}
