package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Result;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements without parameters run one after the other, one result each, in the order added.
 */
final class SqliteBatch implements Batch {

    private final SqliteConnection connection;
    private final List<SqliteSql> statements = new ArrayList<>();

    SqliteBatch(SqliteConnection connection) {
        this.connection = connection;
    }

    @Override
    public Batch add(String sql) {
        if (sql == null) {
            throw new IllegalArgumentException("The SQL text must not be null");
        }
        SqliteSql parsed = SqliteSql.parse(sql);
        if (parsed.parameterCount() > 0) {
            throw new IllegalArgumentException("A batch statement takes no parameters: use a Statement with bind()"
                    + " and add() for \"" + sql + "\"");
        }
        statements.add(parsed);
        return this;
    }

    @Override
    public Flux<Result> execute() {
        if (statements.isEmpty()) {
            throw new IllegalStateException("The batch is empty: add() a statement before execute()");
        }
        List<SqliteConnection.Unit> units = new ArrayList<>();
        boolean writes = false;
        for (SqliteSql sql : statements) {
            writes |= sql.writes();
            for (int i = 0; i < sql.statements().size(); i++) {
                units.add(new SqliteConnection.Unit(sql.statements().get(i), new Object[0], sql.dmlStatements().get(i)));
            }
        }
        return connection.run(units, writes);
    }
}
