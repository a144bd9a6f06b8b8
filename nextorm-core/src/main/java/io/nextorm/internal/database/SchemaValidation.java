package io.nextorm.internal.database;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.mapping.CatalogColumn;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.SchemaValidator;
import io.nextorm.internal.sql.SqlRenderer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Reads the columns of the database's current schema from its catalog ({@code information_schema}
 * on all three shipped databases) and validates the mapping against them.
 */
final class SchemaValidation {

    private SchemaValidation() {
    }

    /**
     * Reads the catalog.
     *
     * @param factory the connection factory
     * @param dialect the dialect
     * @param executor the statement executor
     * @return the columns of the current schema
     */
    static Mono<List<CatalogColumn>> readCatalog(ConnectionFactory factory, Dialect dialect, StatementExecutor executor) {
        return Flux.usingWhen(factory.create(), connection ->
                executor.query(connection, SqlRenderer.raw(dialect, dialect.listColumnsSql(), List.of()),
                        row -> new CatalogColumn(text(row.get(0)), text(row.get(1)), "YES".equalsIgnoreCase(text(row.get(2))),
                                text(row.get(3)), text(row.get(4)))),
                Connection::close).collectList();
    }

    /**
     * Reads the catalog once: binds values of user-defined column types (PostgreSQL enums, domains)
     * with a cast where the dialect needs one, and validates the mapping when asked.
     *
     * @param factory the connection factory
     * @param dialect the dialect
     * @param executor the statement executor
     * @param mapping the mapping
     * @param validate whether to validate
     * @return completion, or a {@link io.nextorm.MappingException} listing every problem
     */
    static Mono<Void> check(ConnectionFactory factory, Dialect dialect, StatementExecutor executor, Mapping mapping,
                            boolean validate) {
        return readCatalog(factory, dialect, executor).doOnNext(catalog -> {
            if (dialect.castsUserDefinedTypes()) {
                SchemaValidator.useCasts(mapping, catalog);
            }
            if (validate) {
                SchemaValidator.validate(mapping, catalog, dialect.hasArrays());
            }
        }).then();
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return value == null ? null : String.valueOf(value);
    }
}
