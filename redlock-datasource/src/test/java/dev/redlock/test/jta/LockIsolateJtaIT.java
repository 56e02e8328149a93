package dev.redlock.test.jta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.arjuna.ats.jta.common.jtaPropertyManager;

import dev.redlock.datasource.DatasourceLevels;
import dev.redlock.test.Containers;
import dev.redlock.test.HolderAndCaller;
import dev.redlock.test.TestDatabase;
import dev.redlock.test.TestJndi;
import dev.redlock.test.app.AppDataSources;
import dev.redlock.test.app.Res;
import dev.redlock.test.app.student.MetaRedlock;
import dev.redlock.testkit.RedisNodes;
import dev.redlock.testkit.WithRedisNodes;

/**
 * lockIsolate inside JTA transactions: Narayana as the transaction manager (a CDI bean, as Quarkus provides it), the
 * levels mapped to the application's Agroal pools of one connection each, whose connections enlist in the JTA
 * transaction; real Redis, H2 and (when it answers) PostgreSQL. The isolated function runs in a transaction of its own:
 * the caller's rollback never undoes its commit, its rollback never undoes the caller's work, and the caller's
 * transaction is resumed afterwards in both cases.
 */
@WithRedisNodes(count = 3)
final class LockIsolateJtaIT {

    private static TransactionManager tm;
    private static TransactionSynchronizationRegistry tsr;
    private TestDatabase db;

    @BeforeAll
    static void narayana() {
        tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
        tsr = jtaPropertyManager.getJTAEnvironmentBean().getTransactionSynchronizationRegistry();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (tm.getTransaction() != null) {
            tm.rollback();
        }
        if (db != null) {
            db.close();
        }
    }

    private WeldContainer boot(RedisNodes nodes, TestDatabase.Kind kind) throws SQLException {
        db = TestDatabase.create(kind);
        AppDataSources.level0 = db.pool(tm, tsr);
        AppDataSources.level1 = db.pool(tm, tsr);
        return Containers.boot(Containers.config(String.join(",", nodes.uris()),
                "redlock.datasources.default.levels.0.bean", "app-l0", "redlock.datasources.default.levels.1.bean",
                "app-l1"), MetaRedlock.class, AppDataSources.class, NarayanaBeans.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void callersRollback_doesNotUndoTheIsolatedCommit(TestDatabase.Kind kind, RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes, kind)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();
            tm.begin();
            Transaction caller = tm.getTransaction();
            db.increment(levels.dataSource(), 1); // enlisted: the caller's transaction holds the only level-0 connection
            redlock.lockIsolate(Res.NAME, () -> {
                assertThat(tm.getTransaction()).as("a transaction of its own").isNotNull().isNotEqualTo(caller);
                db.increment(levels.dataSource(), 2);
            });
            assertThat(tm.getTransaction()).as("the caller's transaction is resumed").isEqualTo(caller);
            assertThat(db.committed(2)).as("committed before lockIsolate returned").isEqualTo(1);
            tm.rollback();
            assertThat(db.committed(1)).as("the caller's work is rolled back").isZero();
            assertThat(db.committed(2)).as("the isolated commit stays").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void isolatedRollback_doesNotUndoTheCallersWork(TestDatabase.Kind kind, RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes, kind)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();
            tm.begin();
            Transaction caller = tm.getTransaction();
            db.increment(levels.dataSource(), 1);
            assertThatThrownBy(() -> redlock.lockIsolate(Res.NAME, () -> {
                db.increment(levels.dataSource(), 2);
                throw new IllegalStateException("isolated work failed");
            })).isInstanceOf(IllegalStateException.class).hasMessage("isolated work failed");
            assertThat(tm.getTransaction()).as("the caller's transaction is resumed").isEqualTo(caller);
            assertThat(caller.getStatus()).as("and still active").isEqualTo(Status.STATUS_ACTIVE);
            tm.commit();
            assertThat(db.committed(1)).as("the caller's work is committed").isEqualTo(1);
            assertThat(db.committed(2)).as("the isolated work is rolled back").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aFailedIsolatedCommit_isRL2520_andTheCallersTransactionIsResumed(TestDatabase.Kind kind, RedisNodes nodes)
            throws Exception {
        try (WeldContainer c = boot(nodes, kind)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();
            tm.begin();
            Transaction caller = tm.getTransaction();
            db.increment(levels.dataSource(), 1);
            assertThatThrownBy(() -> redlock.lockIsolate(Res.NAME, () -> {
                db.increment(levels.dataSource(), 2);
                tm.setRollbackOnly(); // the commit that follows must fail
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("RL2520: lockIsolate: the transaction manager failed to commit");
            assertThat(tm.getTransaction()).as("the caller's transaction is resumed").isEqualTo(caller);
            tm.commit();
            assertThat(db.committed(1)).isEqualTo(1);
            assertThat(db.committed(2)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTransactionManagerBoundInJndi_isUsedWithoutABean(TestDatabase.Kind kind, RedisNodes nodes)
            throws Exception {
        db = TestDatabase.create(kind);
        AppDataSources.level0 = db.pool(tm, tsr);
        AppDataSources.level1 = db.pool(tm, tsr);
        TestJndi.bind("java:/TransactionManager", tm);
        try (WeldContainer c = Containers.boot(Containers.config(String.join(",", nodes.uris()),
                "redlock.datasources.default.levels.0.bean", "app-l0", "redlock.datasources.default.levels.1.bean",
                "app-l1", "redlock.jta.transaction-manager.jndi", "java:/TransactionManager"), MetaRedlock.class,
                AppDataSources.class)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();
            tm.begin();
            db.increment(levels.dataSource(), 1);
            redlock.lockIsolate(Res.NAME, () -> db.increment(levels.dataSource(), 2));
            tm.rollback();
            assertThat(db.committed(1)).isZero();
            assertThat(db.committed(2)).as("committed in its own transaction").isEqualTo(1);
        } finally {
            TestJndi.unbind("java:/TransactionManager");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void isolatedWork_withoutACallerTransaction_isCommitted(TestDatabase.Kind kind, RedisNodes nodes)
            throws Exception {
        try (WeldContainer c = boot(nodes, kind)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();
            redlock.lockIsolate(Res.NAME, () -> {
                assertThat(tm.getTransaction()).isNotNull();
                db.increment(levels.dataSource(), 2);
            });
            assertThat(tm.getTransaction()).isNull();
            assertThat(db.committed(2)).isEqualTo(1);
        }
    }

    /**
     * The deadlock inside JTA: a caller's transaction holds the only level-0 connection and waits for the lock whose
     * holder needs a connection. With {@code lock} the holder times out on the pool; with {@code lockIsolate} it
     * commits at level 1 in a transaction of its own, and the caller commits after it.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void connectionHolderInATransaction_deadlocksWithLock_butNotWithLockIsolate(TestDatabase.Kind kind,
            RedisNodes nodes) throws Exception {
        try (WeldContainer c = boot(nodes, kind)) {
            MetaRedlock redlock = c.select(MetaRedlock.class).get();
            DatasourceLevels levels = c.select(DatasourceLevels.class).get();

            HolderAndCaller.Caller caller = connectionHeld -> {
                tm.begin();
                db.increment(levels.dataSource(), 1); // enlisted: holds the only level-0 connection until the commit
                connectionHeld.run();
                redlock.lock(Res.NAME, () -> null); // granted once the holder has ended, one way or the other
                tm.commit();
            };
            HolderAndCaller.Body holderWork = () -> db.increment(levels.dataSource(), 2);
            Future<Object> withLock = HolderAndCaller.run(body -> redlock.lock(Res.NAME, body::run), holderWork,
                    caller);
            assertThatThrownBy(withLock::get).hasRootCauseInstanceOf(SQLException.class);
            assertThat(db.committed(2)).isZero();
            assertThat(db.committed(1)).isEqualTo(1);

            HolderAndCaller.run(body -> redlock.lockIsolate(Res.NAME, body::run), holderWork, caller).get(60,
                    TimeUnit.SECONDS);
            assertThat(db.committed(2)).as("the isolated update is committed").isEqualTo(1);
            assertThat(db.committed(1)).as("the caller's transaction is committed").isEqualTo(2);
        }
    }
}
