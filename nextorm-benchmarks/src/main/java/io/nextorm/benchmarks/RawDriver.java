package io.nextorm.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The baseline: what a careful programmer writes on the R2DBC driver alone, on the same pool as the
 * libraries. Statements are hand-written once per database; rows are mapped by column index.
 */
public final class RawDriver {

    private final ConnectionFactory pool;
    private final Database database;
    private final String selectAll;
    private final String selectById;
    private final String insert;
    private final String selectFiltered;
    private final String updateScore;

    /**
     * Prepares the statements of a database.
     *
     * @param pool where connections come from
     * @param database the database, for its parameter markers
     */
    public RawDriver(ConnectionFactory pool, Database database) {
        this.pool = pool;
        this.database = database;
        this.selectAll = "SELECT " + BenchRow.COLUMNS + " FROM bench_row";
        this.selectById = selectAll + " WHERE id = " + database.marker(0);
        this.insert = "INSERT INTO bench_row (" + BenchRow.INSERT_COLUMNS + ") VALUES " + valuesGroup(0);
        this.selectFiltered = selectAll + " WHERE age >= " + database.marker(0) + " AND age < " + database.marker(1)
                + " ORDER BY score DESC LIMIT " + database.marker(2);
        this.updateScore = "UPDATE bench_row SET score = " + database.marker(0) + " WHERE id = " + database.marker(1);
    }

    /**
     * Maps a row of {@link BenchRow#COLUMNS} by column index.
     *
     * @param row the row
     * @return a new object
     */
    public static BenchRow map(Readable row) {
        return new BenchRow(row.get(0, Long.class), row.get(1, String.class), row.get(2, String.class),
                row.get(3, Integer.class), row.get(4, Double.class), row.get(5, LocalDateTime.class));
    }

    /**
     * Every row of the table, mapped.
     *
     * @return the rows
     */
    public Mono<List<BenchRow>> selectAll() {
        return Flux.usingWhen(pool.create(),
                connection -> Flux.from(connection.createStatement(selectAll).execute())
                        .flatMap(result -> result.map(RawDriver::map)),
                Connection::close).collectList();
    }

    /**
     * One row by key, on a connection of its own.
     *
     * @param id the key
     * @return the row, or empty
     */
    public Mono<BenchRow> selectById(long id) {
        return Mono.usingWhen(pool.create(),
                connection -> Flux.from(connection.createStatement(selectById).bind(0, id).execute())
                        .flatMap(result -> result.map(RawDriver::map))
                        .singleOrEmpty(),
                Connection::close);
    }

    /**
     * The rows of an age range, highest score first, at most {@code limit}.
     *
     * @param minAge the lowest age, inclusive
     * @param maxAge the highest age, exclusive
     * @param limit the most rows
     * @return the rows
     */
    public Mono<List<BenchRow>> selectFiltered(int minAge, int maxAge, int limit) {
        return Flux.usingWhen(pool.create(),
                connection -> Flux.from(connection.createStatement(selectFiltered)
                                .bind(0, minAge).bind(1, maxAge).bind(2, limit).execute())
                        .flatMap(result -> result.map(RawDriver::map)),
                Connection::close).collectList();
    }

    /**
     * Every row of the table as a stream, fetched {@code fetchSize} rows at a time where the driver
     * supports it (a cursor on PostgreSQL), with backpressure.
     *
     * @param fetchSize rows per fetch
     * @return the rows
     */
    public Flux<BenchRow> stream(int fetchSize) {
        return Flux.usingWhen(pool.create(),
                connection -> Flux.from(connection.createStatement(selectAll).fetchSize(fetchSize).execute())
                        .concatMap(result -> result.map(RawDriver::map)),
                Connection::close);
    }

    /**
     * Load-change-write in one transaction: reads every row, lets {@code change} change each, and
     * writes every changed score back in one {@code Statement.add()} batch of UPDATEs.
     *
     * @param change what to do to each row
     * @return the changed rows, after the commit
     */
    public Mono<List<BenchRow>> updateEach(java.util.function.Consumer<BenchRow> change) {
        return Mono.usingWhen(pool.create(),
                connection -> Mono.from(connection.beginTransaction())
                        .then(Flux.from(connection.createStatement(selectAll).execute())
                                .concatMap(result -> result.map(RawDriver::map)).collectList())
                        .flatMap(rows -> {
                            Statement statement = connection.createStatement(updateScore);
                            for (int i = 0; i < rows.size(); i++) {
                                BenchRow row = rows.get(i);
                                change.accept(row);
                                if (i > 0) {
                                    statement.add();
                                }
                                statement.bind(0, row.getScore()).bind(1, row.getId());
                            }
                            return Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).then()
                                    .then(Mono.from(connection.commitTransaction())).thenReturn(rows);
                        })
                        .onErrorResume(error -> Mono.from(connection.rollbackTransaction()).then(Mono.error(error))),
                Connection::close);
    }

    /**
     * One INSERT per row bound as one {@code Statement.add()} batch, in one transaction, keys not read.
     *
     * @param rows the rows
     * @return completion after the commit
     */
    public Mono<Void> insertBatch(List<BenchRow> rows) {
        return inTransaction(connection -> {
            Statement statement = connection.createStatement(insert);
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    statement.add();
                }
                bind(statement, rows.get(i), 0);
            }
            return Flux.from(statement.execute()).flatMap(Result::getRowsUpdated).then();
        });
    }

    /**
     * One INSERT per row, all in one transaction, without reading the generated keys.
     *
     * @param rows the rows
     * @return completion after the commit
     */
    public Mono<Void> insertEachInTransaction(List<BenchRow> rows) {
        return inTransaction(connection -> Flux.fromIterable(rows)
                .concatMap(row -> Flux.from(bind(connection.createStatement(insert), row, 0).execute())
                        .flatMap(Result::getRowsUpdated))
                .then());
    }

    /**
     * One INSERT per row in auto-commit mode, each on a pooled connection of its own, reading the
     * generated key into the object: what a save of one new object does.
     *
     * @param rows the rows
     * @return completion
     */
    public Mono<Void> insertEachAutoCommit(List<BenchRow> rows) {
        return Flux.fromIterable(rows)
                .concatMap(row -> Mono.usingWhen(pool.create(),
                        connection -> Flux.from(bind(connection.createStatement(insert), row, 0)
                                        .returnGeneratedValues("id").execute())
                                .flatMap(result -> result.map(key -> key.get(0, Long.class)))
                                .singleOrEmpty()
                                .doOnNext(row::setId),
                        Connection::close))
                .then();
    }

    /**
     * Multi-row INSERTs ({@code VALUES (...), (...), ...}) of up to {@code perStatement} rows, all
     * in one transaction.
     *
     * @param rows the rows
     * @param perStatement the most rows in one statement
     * @return completion after the commit
     */
    public Mono<Void> insertMultiRow(List<BenchRow> rows, int perStatement) {
        return inTransaction(connection -> Flux.range(0, (rows.size() + perStatement - 1) / perStatement)
                .concatMap(chunk -> {
                    List<BenchRow> part = rows.subList(chunk * perStatement,
                            Math.min(rows.size(), (chunk + 1) * perStatement));
                    Statement statement = connection.createStatement(multiRowInsert(part.size()));
                    for (int i = 0; i < part.size(); i++) {
                        bind(statement, part.get(i), i * 5);
                    }
                    return Flux.from(statement.execute()).flatMap(Result::getRowsUpdated);
                })
                .then());
    }

    /**
     * Empties the table.
     *
     * @return completion
     */
    public Mono<Void> truncate() {
        return Mono.usingWhen(pool.create(),
                connection -> Flux.from(connection.createStatement("TRUNCATE TABLE bench_row").execute())
                        .flatMap(Result::getRowsUpdated).then(),
                Connection::close);
    }

    /**
     * Every key in the table.
     *
     * @return the keys
     */
    public Mono<List<Long>> ids() {
        return Flux.usingWhen(pool.create(),
                connection -> Flux.from(connection.createStatement("SELECT id FROM bench_row ORDER BY id").execute())
                        .flatMap(result -> result.map(row -> row.get(0, Long.class))),
                Connection::close).collectList();
    }

    private Mono<Void> inTransaction(java.util.function.Function<Connection, Mono<Void>> work) {
        return Mono.usingWhen(pool.create(),
                connection -> Mono.from(connection.beginTransaction())
                        .then(work.apply(connection))
                        .then(Mono.from(connection.commitTransaction()))
                        .onErrorResume(error -> Mono.from(connection.rollbackTransaction()).then(Mono.error(error))),
                Connection::close);
    }

    private String multiRowInsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO bench_row (").append(BenchRow.INSERT_COLUMNS).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(valuesGroup(i * 5));
        }
        return sql.toString();
    }

    private String valuesGroup(int first) {
        return "(" + database.marker(first) + ", " + database.marker(first + 1) + ", " + database.marker(first + 2)
                + ", " + database.marker(first + 3) + ", " + database.marker(first + 4) + ")";
    }

    private static Statement bind(Statement statement, BenchRow row, int first) {
        return statement.bind(first, row.getName())
                .bind(first + 1, row.getEmail())
                .bind(first + 2, row.getAge())
                .bind(first + 3, row.getScore())
                .bind(first + 4, row.getCreated());
    }
}
