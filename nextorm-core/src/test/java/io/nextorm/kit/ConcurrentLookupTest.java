package io.nextorm.kit;

import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.TestDatabase;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups of existing keys, {@value #IN_FLIGHT} in flight at once on the pool, each find their row.
 * The benchmarks once saw a third to three quarters of such lookups come back empty on MariaDB; the
 * cause was their fill, whose commit was never sent (r2dbc-mariadb decides when
 * {@code commitTransaction()} is called, not when it is subscribed, whether there is a transaction to
 * commit), so only the connection that wrote the rows saw them. The raw tests here tell the driver
 * from nextorm; see docs/decisions.md, "Concurrent lookups on MariaDB".
 */
class ConcurrentLookupTest extends DatabaseTestKit {

    private static final int ROWS = 1_000;
    private static final int LOOKUPS = 1_000;
    private static final int IN_FLIGHT = 64;
    private static final int RAW_POOL_SIZE = 4;

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @Test
    void concurrentGetsOfExistingKeysEachFindTheirRow() {
        List<Long> keys = draw(fillThroughNextorm());
        assertEveryLookupFinds(keys, key -> db.aselect(Article.class).filter(Article_.id.eq(key)).get());
    }

    @Test
    void concurrentFetchOnesAndGetOrRaisesEachFindTheirRow() {
        List<Long> keys = draw(fillThroughNextorm());
        assertEveryLookupFinds(keys, key -> db.aselect(Article.class).filter(Article_.id.eq(key)).fetchOne());
        assertEveryLookupFinds(keys, key -> db.aselect(Article.class).filter(Article_.id.eq(key)).getOrRaise());
    }

    @Test
    void concurrentFetchAllsAndCountsOfOneKeyEachSeeOneRow() {
        List<Long> keys = draw(fillThroughNextorm());
        List<Integer> sizes = Flux.fromIterable(keys)
                .flatMap(key -> db.aselect(Article.class).filter(Article_.id.eq(key)).fetchAll().map(List::size), IN_FLIGHT)
                .collectList().block(TIMEOUT);
        assertThat(sizes).hasSize(LOOKUPS).containsOnly(1);
        List<Long> counts = Flux.fromIterable(keys)
                .flatMap(key -> db.aselect(Article.class).filter(Article_.id.eq(key)).count(), IN_FLIGHT)
                .collectList().block(TIMEOUT);
        assertThat(counts).hasSize(LOOKUPS).containsOnly(1L);
    }

    @Test
    void aLookupOfAMissingKeyAmongConcurrentOnesFindsNothing() {
        List<Long> keys = new ArrayList<>(draw(fillThroughNextorm()));
        long missing = keys.stream().mapToLong(Long::longValue).max().orElseThrow() + 1_000_000;
        keys.set(LOOKUPS / 2, missing);
        List<Long> found = Flux.fromIterable(keys)
                .flatMap(key -> db.aselect(Article.class).filter(Article_.id.eq(key)).get().map(Article::getId), IN_FLIGHT)
                .collectList().block(TIMEOUT);
        assertThat(found).hasSize(LOOKUPS - 1).doesNotContain(missing);
    }

    @Test
    void rawDriverBehindAPoolFindsEveryRowOfACommittedFill() {
        ConnectionPool pool = rawPool();
        try {
            List<Long> keys = draw(rawFill(pool));
            List<Long> found = Flux.fromIterable(keys)
                    .flatMap(key -> Mono.usingWhen(pool.create(),
                            connection -> Flux.from(connection.createStatement("SELECT id, title FROM raw_lookup WHERE id = "
                                                    + marker()).bind(0, key).execute())
                                    .flatMap(result -> result.map(row -> row.get(0, Long.class)))
                                    .singleOrEmpty(),
                            Connection::close), IN_FLIGHT)
                    .collectList().block(TIMEOUT);
            assertThat(found).hasSize(LOOKUPS).containsExactlyInAnyOrderElementsOf(keys);
        } finally {
            closeAndDropRawTable(pool);
        }
    }

    private List<Long> fillThroughNextorm() {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            articles.add(new Article("title " + i, i));
        }
        await(db.session(s -> Mono.fromRunnable(() -> articles.forEach(s::add))));
        return articles.stream().map(Article::getId).toList();
    }

    private void assertEveryLookupFinds(List<Long> keys, Function<Long, Mono<Article>> lookup) {
        List<Long> found = Flux.fromIterable(keys)
                .flatMap(key -> lookup.apply(key).map(Article::getId), IN_FLIGHT)
                .collectList().block(TIMEOUT);
        assertThat(found).hasSize(LOOKUPS).containsExactlyInAnyOrderElementsOf(keys);
    }

    private static List<Long> draw(List<Long> existing) {
        Random random = new Random(42);
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < LOOKUPS; i++) {
            keys.add(existing.get(random.nextInt(existing.size())));
        }
        return keys;
    }

    /** An R2DBC URL of the target's database for the raw driver, or the test is skipped (SQLite has none). */
    private String rawUrl() {
        Assumptions.assumeTrue(target.hasServer() || target == TestDatabase.H2, "no R2DBC driver of its own");
        return target == TestDatabase.H2 ? "r2dbc:h2:mem:///raw_lookup;DB_CLOSE_DELAY=-1" : target.url();
    }

    private ConnectionPool rawPool() {
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(rawUrl()))
                .initialSize(RAW_POOL_SIZE).maxSize(RAW_POOL_SIZE).build());
        pool.warmup().block(TIMEOUT);
        return pool;
    }

    private String marker() {
        return target == TestDatabase.POSTGRES ? "$1" : "?";
    }

    /**
     * Creates raw_lookup and inserts ROWS rows on a pooled connection in one transaction, the commit
     * asked for only after the insert (r2dbc-mariadb may skip a commit asked for before the begin ran).
     */
    private List<Long> rawFill(ConnectionFactory pool) {
        execute(pool, "DROP TABLE IF EXISTS raw_lookup");
        execute(pool, "CREATE TABLE raw_lookup (id BIGINT PRIMARY KEY, title VARCHAR(50) NOT NULL)");
        List<Long> keys = new ArrayList<>();
        StringBuilder insert = new StringBuilder("INSERT INTO raw_lookup (id, title) VALUES ");
        for (int i = 1; i <= ROWS; i++) {
            insert.append(i == 1 ? "" : ", ").append('(').append(i).append(", 'title ").append(i).append("')");
            keys.add((long) i);
        }
        Mono.usingWhen(pool.create(),
                connection -> Mono.from(connection.beginTransaction())
                        .then(Flux.defer(() -> connection.createStatement(insert.toString()).execute())
                                .flatMap(Result::getRowsUpdated).then())
                        .then(Mono.defer(() -> Mono.from(connection.commitTransaction()))),
                Connection::close).block(TIMEOUT);
        return keys;
    }

    /** Closes the pool first: on MariaDB a connection left in a transaction would block the DROP. */
    private void closeAndDropRawTable(ConnectionPool pool) {
        pool.disposeLater().block(TIMEOUT);
        Mono.usingWhen(Mono.from(ConnectionFactories.get(rawUrl()).create()),
                connection -> Flux.from(connection.createStatement("DROP TABLE IF EXISTS raw_lookup").execute())
                        .flatMap(Result::getRowsUpdated).then(),
                Connection::close).block(TIMEOUT);
    }

    private static void execute(ConnectionFactory pool, String sql) {
        Mono.usingWhen(pool.create(),
                connection -> Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then(),
                Connection::close).block(TIMEOUT);
    }
}
