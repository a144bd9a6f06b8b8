package io.nextorm.benchmarks;

import io.r2dbc.spi.ConnectionFactoryOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.RowStream;
import io.vertx.sqlclient.Tuple;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The raw Vert.x PostgreSQL client, the other floor: prepared queries on a Vert.x pool of
 * {@link Database#POOL_SIZE} connections, rows mapped by column index, batches through
 * {@code executeBatch} (pipelined), streaming through a {@link RowStream} (a cursor). Each
 * {@code Future} becomes a {@code Mono}, as a Reactor application would bridge it.
 */
public final class VertxPeer implements AutoCloseable {

    private static final String SELECT_ALL = "SELECT " + BenchRow.COLUMNS + " FROM bench_row";
    private static final String SELECT_BY_ID = SELECT_ALL + " WHERE id = $1";
    private static final String SELECT_FILTERED = SELECT_ALL + " WHERE age >= $1 AND age < $2 ORDER BY score DESC LIMIT $3";
    private static final String INSERT = "INSERT INTO bench_row (" + BenchRow.INSERT_COLUMNS + ") VALUES ($1, $2, $3, $4, $5)";
    private static final String UPDATE_SCORE = "UPDATE bench_row SET score = $1 WHERE id = $2";

    private final Vertx vertx;
    private final Pool pool;

    private VertxPeer(Vertx vertx, Pool pool) {
        this.vertx = vertx;
        this.pool = pool;
    }

    /**
     * Opens a pool on the database of an R2DBC URL's host, port, database and user.
     *
     * @param database the database; PostgreSQL only
     * @return the peer; close it
     * @throws IllegalArgumentException for a database other than PostgreSQL
     */
    public static VertxPeer open(Database database) {
        PgConnectOptions connect = connectOptions(database);
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(Database.POOL_SIZE))
                .connectingTo(connect)
                .using(vertx)
                .build();
        return new VertxPeer(vertx, pool);
    }

    /**
     * The Vert.x connect options of a database's R2DBC URL.
     *
     * @param database the database; PostgreSQL only
     * @return the options
     * @throws IllegalArgumentException for a database other than PostgreSQL
     */
    public static PgConnectOptions connectOptions(Database database) {
        if (database != Database.POSTGRES) {
            throw new IllegalArgumentException("The Vert.x peers run on PostgreSQL only, not on " + database.provider()
                    + ": leave them out with -e 'vertx|hibernate' (nextorm-benchmarks/run does)");
        }
        ConnectionFactoryOptions options = database.options();
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        Object password = options.getValue(ConnectionFactoryOptions.PASSWORD);
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.HOST)))
                .setPort(port == null ? 5432 : Integer.parseInt(String.valueOf(port)))
                .setDatabase(String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.DATABASE)))
                .setUser(String.valueOf(options.getRequiredValue(ConnectionFactoryOptions.USER)))
                .setCachePreparedStatements(true);
        if (password != null) {
            connect.setPassword(String.valueOf(password));
        }
        return connect;
    }

    private static BenchRow map(Row row) {
        return new BenchRow(row.getLong(0), row.getString(1), row.getString(2), row.getInteger(3), row.getDouble(4),
                row.getLocalDateTime(5));
    }

    private static <T> Mono<T> mono(Future<T> future) {
        return Mono.fromCompletionStage(future.toCompletionStage());
    }

    private static List<BenchRow> list(RowSet<BenchRow> rows) {
        List<BenchRow> list = new ArrayList<>(rows.size());
        rows.forEach(list::add);
        return list;
    }

    /**
     * One row by key.
     *
     * @param id the key
     * @return the row, or empty
     */
    public Mono<BenchRow> selectById(long id) {
        return Mono.defer(() -> mono(pool.preparedQuery(SELECT_BY_ID).mapping(VertxPeer::map).execute(Tuple.of(id))))
                .flatMap(rows -> rows.size() == 0 ? Mono.empty() : Mono.just(rows.iterator().next()));
    }

    /**
     * Every row.
     *
     * @return the rows
     */
    public Mono<List<BenchRow>> selectAll() {
        return Mono.defer(() -> mono(pool.preparedQuery(SELECT_ALL).mapping(VertxPeer::map).execute()))
                .map(VertxPeer::list);
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
        return Mono.defer(() -> mono(pool.preparedQuery(SELECT_FILTERED).mapping(VertxPeer::map)
                        .execute(Tuple.of(minAge, maxAge, (long) limit))))
                .map(VertxPeer::list);
    }

    /**
     * One INSERT with a tuple per row through {@code executeBatch}, in one transaction, keys not read.
     *
     * @param rows the rows
     * @return completion after the commit
     */
    public Mono<Void> insertBatch(List<BenchRow> rows) {
        return Mono.defer(() -> {
            List<Tuple> tuples = new ArrayList<>(rows.size());
            for (BenchRow row : rows) {
                tuples.add(Tuple.of(row.getName(), row.getEmail(), row.getAge(), row.getScore(), row.getCreated()));
            }
            return mono(pool.withTransaction(connection -> connection.preparedQuery(INSERT).executeBatch(tuples)));
        }).then();
    }

    /**
     * Load-change-write in one transaction: reads every row, lets {@code change} change each, writes
     * every score back through one {@code executeBatch} of UPDATEs.
     *
     * @param change what to do to each row
     * @return the changed rows, after the commit
     */
    public Mono<List<BenchRow>> updateEach(Consumer<BenchRow> change) {
        return Mono.defer(() -> mono(pool.withTransaction(connection -> connection.preparedQuery(SELECT_ALL)
                .mapping(VertxPeer::map).execute()
                .compose(rowSet -> {
                    List<BenchRow> rows = list(rowSet);
                    List<Tuple> tuples = new ArrayList<>(rows.size());
                    for (BenchRow row : rows) {
                        change.accept(row);
                        tuples.add(Tuple.of(row.getScore(), row.getId()));
                    }
                    return connection.preparedQuery(UPDATE_SCORE).executeBatch(tuples).map(updated -> rows);
                }))));
    }

    /**
     * Streams every row through a cursor of {@code fetchSize} rows a fetch, in a transaction (a
     * cursor needs one), handing each mapped row to {@code consumer} on the event loop.
     *
     * @param fetchSize rows per fetch
     * @param consumer what to do with each row
     * @return the number of rows
     */
    public Mono<Long> stream(int fetchSize, Consumer<BenchRow> consumer) {
        return Mono.defer(() -> mono(pool.withTransaction(connection -> connection.prepare(SELECT_ALL)
                .compose(statement -> {
                    Promise<Long> done = Promise.promise();
                    long[] count = {0};
                    RowStream<Row> stream = statement.createStream(fetchSize);
                    stream.exceptionHandler(done::tryFail)
                            .endHandler(end -> done.tryComplete(count[0]))
                            .handler(row -> {
                                consumer.accept(map(row));
                                count[0]++;
                            });
                    Future<Long> result = done.future();
                    result.onComplete(ended -> stream.close());
                    return result;
                }))));
    }

    /**
     * Closes the pool and the Vert.x instance.
     */
    @Override
    public void close() {
        mono(pool.close()).then(mono(vertx.close())).block();
    }
}
