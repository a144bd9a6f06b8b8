package io.nextorm.internal.database;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.execution.InterruptedConnections;
import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.sql.SqlRenderer;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.StatementKind;
import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Table;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Creates the missing tables of a mapping: {@code CREATE TABLE IF NOT EXISTS} in creation order,
 * then the foreign keys deferred by cycles, for the tables this run created.
 */
final class SchemaCreation {

    private SchemaCreation() {
    }

    static Mono<Void> createTables(ConnectionFactory factory, Dialect dialect, StatementExecutor executor,
                                   Mapping built) {
        return Flux.usingWhen(factory.create(), connection ->
                executor.query(connection, SqlRenderer.raw(dialect, dialect.listTablesSql(), List.of()),
                                row -> String.valueOf(row.get(0)).toLowerCase(Locale.ROOT))
                        .collectList()
                        .flatMapMany(existing -> Flux.fromIterable(statements(dialect, built, existing))
                                .concatMap(ddl -> executor.update(connection,
                                        new SqlStatement(ddl, List.of(), StatementKind.DDL, null)))),
                InterruptedConnections::release).then();
    }

    private static List<String> statements(Dialect dialect, Mapping built, List<String> existing) {
        List<String> statements = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        for (Table table : built.creationOrder()) {
            if (!existing.contains(table.name().toLowerCase(Locale.ROOT))) {
                created.add(table.name());
            }
            statements.addAll(dialect.createTable(table, built.deferredForeignKeys()));
        }
        for (Table table : built.creationOrder()) {
            for (ForeignKey foreignKey : table.foreignKeys()) {
                if (built.deferredForeignKeys().contains(foreignKey) && created.contains(table.name())) {
                    statements.add(dialect.addForeignKey(table, foreignKey));
                }
            }
        }
        return statements;
    }
}
