package io.nextorm.benchmarks;

import io.nextorm.AsyncDatabase;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.springframework.data.r2dbc.convert.MappingR2dbcConverter;
import org.springframework.data.r2dbc.convert.R2dbcCustomConversions;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.r2dbc.mapping.R2dbcMappingContext;
import org.springframework.data.r2dbc.repository.support.R2dbcRepositoryFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark trial runs against: one pool over one database, shared by the raw driver code,
 * a nextorm {@link AsyncDatabase}, a Spring Data {@link R2dbcEntityTemplate} and repository, and
 * jOOQ; on PostgreSQL also, opened on first use, the Vert.x client and Hibernate Reactive with pools
 * of their own of the same size. The {@code bench_row} table is dropped and created by nextorm at open.
 *
 * <pre>{@code
 * try (Fixture fixture = Fixture.open(Database.H2)) {
 *     fixture.fill(10_000);
 *     fixture.db().aselect(BenchRow.class).fetchAll().block();
 * }
 * }</pre>
 */
public final class Fixture implements AutoCloseable {

    /** Rows made and inserted at a time by {@link #fillOnly}. */
    private static final int FILL_CHUNK = 10_000;

    private final Database database;
    private final ConnectionPool pool;
    private final RawDriver raw;
    private final AsyncDatabase db;
    private final DatabaseClient client;
    private final R2dbcEntityTemplate template;
    private final BenchRowRepository repository;
    private final TransactionalOperator transactional;
    private final JooqPeer jooq;
    private VertxPeer vertx;
    private HibernatePeer hibernate;

    private Fixture(Database database, ConnectionPool pool) {
        this.database = database;
        this.pool = pool;
        this.raw = new RawDriver(pool, database);
        this.db = new AsyncDatabase(List.of(BenchRow.class));
        this.client = DatabaseClient.builder()
                .connectionFactory(pool)
                .bindMarkers(database.springDialect().getBindMarkersFactory())
                .build();
        // plain identifiers, as nextorm writes them: quoted lower-case names would miss H2's upper-case tables
        R2dbcCustomConversions conversions = R2dbcCustomConversions.of(database.springDialect(), List.of());
        R2dbcMappingContext mappingContext = R2dbcMappingContext.forPlainIdentifiers();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        this.template = new R2dbcEntityTemplate(client, database.springDialect(),
                new MappingR2dbcConverter(mappingContext, conversions));
        this.repository = new R2dbcRepositoryFactory(template).getRepository(BenchRowRepository.class);
        this.transactional = TransactionalOperator.create(new R2dbcTransactionManager(pool));
        this.jooq = new JooqPeer(pool, database);
    }

    /**
     * Opens a fixture for one benchmark method: as {@link #open(Database)}, and when the method is a
     * Vert.x side ({@code vertx*}, {@code hibernate*}) opens that side now, so its start (Hibernate
     * builds its session factory in seconds) is not timed.
     *
     * @param database the database
     * @param benchmark the benchmark's name, as JMH gives it; empty outside JMH
     * @return the fixture; close it
     */
    public static Fixture open(Database database, String benchmark) {
        Fixture fixture = open(database);
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        try {
            if (method.startsWith("vertx")) {
                fixture.vertx();
            } else if (method.startsWith("hibernate")) {
                fixture.hibernate().selectById(0L).block();
            }
            return fixture;
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    /**
     * Opens a pool on a database, binds nextorm and Spring Data to it and creates an empty
     * {@code bench_row} table; the Vert.x sides open on first use.
     *
     * @param database the database
     * @return the fixture; close it
     */
    public static Fixture open(Database database) {
        ConnectionPool pool = database.newPool();
        Fixture fixture = new Fixture(database, pool);
        try {
            pool.warmup().block();
            fixture.execute("DROP TABLE IF EXISTS bench_row").block();
            fixture.db.bind(pool, database.nextormDialect())
                    .then(fixture.db.generateMapping(true, true))
                    .block();
            return fixture;
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    /**
     * Empties the table and inserts rows {@code 0 .. count-1} of {@link BenchRow#numbered}.
     *
     * @param count how many rows
     * @return the keys of the rows, ascending
     */
    public List<Long> fill(int count) {
        fillOnly(count);
        return raw.ids().block();
    }

    /**
     * Empties the table and inserts rows {@code 0 .. count-1} of {@link BenchRow#numbered}, made and
     * written {@value #FILL_CHUNK} at a time, so a large table costs no large heap.
     *
     * @param count how many rows
     */
    public void fillOnly(int count) {
        raw.truncate().block();
        for (int from = 0; from < count; from += FILL_CHUNK) {
            List<BenchRow> rows = new ArrayList<>(FILL_CHUNK);
            for (int n = from; n < Math.min(count, from + FILL_CHUNK); n++) {
                rows.add(BenchRow.numbered(n));
            }
            raw.insertMultiRow(rows, 500).block();
        }
    }

    /**
     * New rows without keys.
     *
     * @param count how many
     * @return rows {@code 0 .. count-1} of {@link BenchRow#numbered}
     */
    public static List<BenchRow> newRows(int count) {
        List<BenchRow> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(BenchRow.numbered(i));
        }
        return rows;
    }

    /**
     * The database.
     *
     * @return the database
     */
    public Database database() {
        return database;
    }

    /**
     * The raw driver code on the pool.
     *
     * @return the raw driver
     */
    public RawDriver raw() {
        return raw;
    }

    /**
     * nextorm, bound to the pool and mapped.
     *
     * @return the database
     */
    public AsyncDatabase db() {
        return db;
    }

    /**
     * Spring's {@link DatabaseClient} on the pool.
     *
     * @return the client
     */
    public DatabaseClient client() {
        return client;
    }

    /**
     * Spring Data's entity template on the pool.
     *
     * @return the template
     */
    public R2dbcEntityTemplate template() {
        return template;
    }

    /**
     * Spring Data's repository of {@link BenchRow}.
     *
     * @return the repository
     */
    public BenchRowRepository repository() {
        return repository;
    }

    /**
     * Spring's transactional operator over the pool, for the Spring Data sides that write.
     *
     * @return the operator
     */
    public TransactionalOperator transactional() {
        return transactional;
    }

    /**
     * jOOQ on the pool.
     *
     * @return the jOOQ side
     */
    public JooqPeer jooq() {
        return jooq;
    }

    /**
     * The raw Vert.x PostgreSQL client, opened on first use.
     *
     * @return the Vert.x side
     * @throws IllegalArgumentException on a database other than PostgreSQL
     */
    public synchronized VertxPeer vertx() {
        if (vertx == null) {
            vertx = VertxPeer.open(database);
        }
        return vertx;
    }

    /**
     * Hibernate Reactive, opened on first use.
     *
     * @return the Hibernate side
     * @throws IllegalArgumentException on a database other than PostgreSQL
     */
    public synchronized HibernatePeer hibernate() {
        if (hibernate == null) {
            hibernate = HibernatePeer.open(database);
        }
        return hibernate;
    }

    private Mono<Void> execute(String sql) {
        return Mono.usingWhen(pool.create(),
                connection -> Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then(),
                Connection::close);
    }

    /**
     * Closes the Vert.x and Hibernate sides if opened, unbinds nextorm and closes the pool.
     */
    @Override
    public synchronized void close() {
        if (hibernate != null) {
            hibernate.close();
        }
        if (vertx != null) {
            vertx.close();
        }
        db.close().onErrorResume(e -> Mono.empty()).block();
        pool.disposeLater().block();
    }
}
