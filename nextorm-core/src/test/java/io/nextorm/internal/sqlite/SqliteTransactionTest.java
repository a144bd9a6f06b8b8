package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteTransactionTest extends SqliteTestSupport {

    private Connection connection;
    private Connection other;

    @BeforeEach
    void createTable() {
        connection = connect();
        other = connect();
        update(connection, "CREATE TABLE t (x INTEGER)");
    }

    @Test
    void commitMakesWritesVisibleToOtherConnections() {
        Mono.from(connection.beginTransaction()).block();
        assertThat(connection.isAutoCommit()).isFalse();
        update(connection, "INSERT INTO t VALUES (1)");
        assertThat(column(other, "SELECT x FROM t")).isEmpty();
        Mono.from(connection.commitTransaction()).block();
        assertThat(connection.isAutoCommit()).isTrue();
        assertThat(column(other, "SELECT x FROM t")).containsExactly(1);
    }

    @Test
    void rollbackDiscardsWrites() {
        Mono.from(connection.beginTransaction()).block();
        update(connection, "INSERT INTO t VALUES (1)");
        Mono.from(connection.rollbackTransaction()).block();
        assertThat(column(connection, "SELECT x FROM t")).isEmpty();
    }

    @Test
    void savepointsNestAndRollBackPartly() {
        Mono.from(connection.beginTransaction()).block();
        update(connection, "INSERT INTO t VALUES (1)");
        Mono.from(connection.createSavepoint("a")).block();
        update(connection, "INSERT INTO t VALUES (2)");
        Mono.from(connection.createSavepoint("b b")).block();
        update(connection, "INSERT INTO t VALUES (3)");
        Mono.from(connection.rollbackTransactionToSavepoint("b b")).block();
        Mono.from(connection.releaseSavepoint("a")).block();
        Mono.from(connection.commitTransaction()).block();
        assertThat(column(other, "SELECT x FROM t ORDER BY x")).containsExactly(1, 2);
    }

    @Test
    void aSavepointOutsideATransactionBeginsOne() {
        Mono.from(connection.createSavepoint("s")).block();
        assertThat(connection.isAutoCommit()).isFalse();
        update(connection, "INSERT INTO t VALUES (1)");
        Mono.from(connection.rollbackTransaction()).block();
        assertThat(column(connection, "SELECT x FROM t")).isEmpty();
    }

    @Test
    void anUnknownSavepointFailsWithSqlitesMessage() {
        Mono.from(connection.beginTransaction()).block();
        assertThatThrownBy(() -> Mono.from(connection.releaseSavepoint("missing")).block())
                .hasMessageContaining("no such savepoint: missing");
        assertThatThrownBy(() -> connection.createSavepoint(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReadOnlyTransactionRefusesWrites() {
        Mono.from(connection.beginTransaction(readOnly())).block();
        assertThat(column(connection, "SELECT count(*) FROM t")).containsExactly(0);
        assertThatThrownBy(() -> update(connection, "INSERT INTO t VALUES (1)"))
                .isInstanceOf(R2dbcPermissionDeniedException.class).hasMessageContaining("readonly");
        Mono.from(connection.rollbackTransaction()).block();
        assertThat(update(connection, "INSERT INTO t VALUES (1)")).isEqualTo(1);
    }

    @Test
    void aReadOnlyTransactionDoesNotHoldTheWriteLock() {
        Mono.from(connection.beginTransaction(readOnly())).block();
        assertThat(update(other, "INSERT INTO t VALUES (1)")).isEqualTo(1);
        Mono.from(connection.commitTransaction()).block();
    }

    private static TransactionDefinition readOnly() {
        return new TransactionDefinition() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
                return option.equals(TransactionDefinition.READ_ONLY) ? (T) Boolean.TRUE : null;
            }
        };
    }

    @Test
    void beginningTwiceFails() {
        Mono.from(connection.beginTransaction()).block();
        assertThatThrownBy(() -> Mono.from(connection.beginTransaction()).block())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
        Mono.from(connection.rollbackTransaction()).block();
    }

    @Test
    void autoCommitOffBeginsATransactionAtTheNextStatement() {
        Mono.from(connection.setAutoCommit(false)).block();
        update(connection, "INSERT INTO t VALUES (1)");
        assertThat(column(other, "SELECT x FROM t")).isEmpty();
        Mono.from(connection.commitTransaction()).block();
        assertThat(column(other, "SELECT x FROM t")).containsExactly(1);
        update(connection, "INSERT INTO t VALUES (2)");
        Mono.from(connection.setAutoCommit(true)).block();
        assertThat(column(other, "SELECT x FROM t ORDER BY x")).containsExactly(1, 2);
    }

    @Test
    void commitAndRollbackWithoutATransactionDoNothing() {
        Mono.from(connection.commitTransaction()).block();
        Mono.from(connection.rollbackTransaction()).block();
        assertThat(connection.isAutoCommit()).isTrue();
    }

    @Test
    void theIsolationLevelIsReadCommittedUnlessSerializableIsAsked() {
        assertThat(connection.getTransactionIsolationLevel()).isEqualTo(IsolationLevel.READ_COMMITTED);
        Mono.from(connection.setTransactionIsolationLevel(IsolationLevel.SERIALIZABLE)).block();
        assertThat(connection.getTransactionIsolationLevel()).isEqualTo(IsolationLevel.SERIALIZABLE);
        Mono.from(other.setLockWaitTimeout(Duration.ofMillis(100))).block();
        Mono.from(connection.beginTransaction()).block();
        // a SERIALIZABLE transaction is the writer from its BEGIN: another writer waits for it
        assertThatThrownBy(() -> update(other, "INSERT INTO t VALUES (1)"))
                .isInstanceOf(io.r2dbc.spi.R2dbcTimeoutException.class);
        Mono.from(connection.commitTransaction()).block();
        assertThat(update(other, "INSERT INTO t VALUES (1)")).isEqualTo(1);
        assertThatThrownBy(() -> connection.setTransactionIsolationLevel(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLockWaitTimeoutSetsTheBusyTimeout() {
        Mono.from(connection.setLockWaitTimeout(Duration.ofMillis(1234))).block();
        assertThat(value(connection, "PRAGMA busy_timeout", Integer.class)).isEqualTo(1234);
        Mono.from(connection.setStatementTimeout(Duration.ofSeconds(5))).block();
        assertThat(column(connection, "SELECT 1")).containsExactly(1);
        assertThatThrownBy(() -> connection.setLockWaitTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClosedConnectionRefusesWorkWithAClearMessage() {
        Mono.from(connection.close()).block();
        Mono.from(connection.close()).block();
        assertThat(Mono.from(connection.validate(ValidationDepth.REMOTE)).block()).isFalse();
        assertThatThrownBy(() -> connection.createStatement("SELECT 1"))
                .isInstanceOf(IllegalStateException.class).hasMessage("The SQLite connection is closed: create a new connection");
        assertThatThrownBy(() -> Mono.from(connection.beginTransaction()).block())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aStatementCreatedBeforeCloseFailsWhenExecutedAfter() {
        var statement = connection.createStatement("SELECT 1");
        Mono.from(connection.close()).block();
        assertThatThrownBy(() -> reactor.core.publisher.Flux.from(statement.execute()).blockLast())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
