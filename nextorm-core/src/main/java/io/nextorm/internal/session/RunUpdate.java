package io.nextorm.internal.session;

import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.sql.RowListUpdate;
import io.nextorm.internal.sql.SqlStatement;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.List;

/**
 * Sends the UPDATEs of a run of changes alike in one round trip and tells which of them matched a
 * row: as one statement of every row where the dialect has one ({@link RowListUpdate}), else as one
 * statement with a set of bindings per change. It runs inside the flush's transaction, which the
 * savepoint of the by-key form needs.
 */
final class RunUpdate {

    /** The savepoint before an UPDATE of a run that reports only a count ({@code Dialect.updatesRowsByKey}). */
    static final String SAVEPOINT = "nextorm_update_run";

    private RunUpdate() {
    }

    /**
     * Runs the UPDATEs.
     *
     * @param executor the executor
     * @param connection the connection
     * @param rows the statement of every row, or null where the dialect has none
     * @param statements each change's own UPDATE, all of one text, in order
     * @return per change, whether its row matched (and was updated)
     */
    static Mono<boolean[]> matched(StatementExecutor executor, Connection connection, RowListUpdate rows,
                                   List<SqlStatement> statements) {
        if (rows == null) {
            return each(executor, connection, statements);
        }
        SqlStatement first = statements.get(0);
        SqlStatement statement = new SqlStatement(rows.sql(),
                rows.parameters(statements.stream().map(SqlStatement::parameters).toList()), first.kind(), first.entity());
        boolean[] found = new boolean[statements.size()];
        if (rows.returnsRows()) {
            return executor.query(connection, statement, row -> found[((Number) row.get(0)).intValue()] = true)
                    .then(Mono.fromSupplier(() -> found));
        }
        // only a count: a short one rolls back to the savepoint and finds the row one UPDATE at a time
        return Mono.from(connection.createSavepoint(SAVEPOINT)).then(executor.update(connection, statement))
                .flatMap(count -> count == statements.size()
                        ? Mono.fromSupplier(() -> {
                            Arrays.fill(found, true);
                            return found;
                        })
                        : Mono.from(connection.rollbackTransactionToSavepoint(SAVEPOINT))
                                .then(each(executor, connection, statements)));
    }

    /** The run as one statement with a set of bindings per change. */
    private static Mono<boolean[]> each(StatementExecutor executor, Connection connection, List<SqlStatement> statements) {
        return executor.updateEach(connection, statements).collectList().map(counts -> {
            boolean[] found = new boolean[statements.size()];
            for (int i = 0; i < counts.size() && i < found.length; i++) {
                found[i] = counts.get(i) > 0;
            }
            return found;
        });
    }
}
