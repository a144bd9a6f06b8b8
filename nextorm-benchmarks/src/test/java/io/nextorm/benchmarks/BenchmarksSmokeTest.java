package io.nextorm.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every benchmark method run once on each database, outside JMH and on few rows: each side returns
 * (or writes) the same rows, so the numbers compare like with like, and a broken side fails the
 * build. The Vert.x and Hibernate Reactive sides run on PostgreSQL only. A database that cannot be
 * reached skips its runs, or fails them with {@code -Dnextorm.test.databases=required}; the URLs are
 * those of the benchmarks ({@code nextorm.bench.<db>.url}, else {@code nextorm.test.<db>.url}).
 */
@Timeout(120)
class BenchmarksSmokeTest {

    /** Enough rows for every code path (two multi-row statements), few enough for a quick build. */
    private static final int ROWS = 600;

    private static final Map<Database, String> UNAVAILABLE = new ConcurrentHashMap<>();

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void everyFetchReturnsTheSameRows(String database) {
        FetchBenchmark benchmark = new FetchBenchmark();
        benchmark.database = available(database);
        benchmark.rows = ROWS;
        benchmark.setUp();
        try {
            List<BenchRow> raw = benchmark.raw();
            assertThat(raw).hasSize(ROWS);
            assertSameRows(benchmark.nextorm(), raw);
            assertSameRows(benchmark.springTemplate(), raw);
            assertSameRows(benchmark.springClient(), raw);
            assertSameRows(benchmark.springRepository(), raw);
            assertSameRows(benchmark.jooq(), raw);
            if (onVertx(database)) {
                assertSameRows(benchmark.vertx(), raw);
                assertSameRows(benchmark.hibernate(), raw);
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void everyGetByIdReturnsTheSameRows(String database) {
        assertLookups(new GetByIdBenchmark(), database);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void everyConcurrentGetByIdReturnsTheSameRows(String database) {
        GetByIdConcurrentBenchmark benchmark = new GetByIdConcurrentBenchmark();
        assertThat(benchmark.concurrency()).isEqualTo(64);
        if (Database.of(database) == Database.MARIADB) {
            benchmark.database = database;
            assertThatThrownBy(benchmark::setUp).hasMessage(GetByIdConcurrentBenchmark.MARIADB_REFUSAL);
            return;
        }
        assertLookups(benchmark, database);
    }

    private static void assertLookups(GetByIdBenchmark benchmark, String database) {
        benchmark.database = available(database);
        benchmark.rows = ROWS;
        benchmark.lookups = 200;
        benchmark.setUp();
        try {
            List<BenchRow> raw = benchmark.raw();
            assertThat(raw).hasSize(200);
            assertThat(raw).extracting(BenchRow::getId).doesNotContainNull();
            assertSameRows(benchmark.nextorm(), raw);
            assertSameRows(benchmark.springTemplate(), raw);
            assertSameRows(benchmark.springRepository(), raw);
            assertSameRows(benchmark.jooq(), raw);
            if (onVertx(database)) {
                assertSameRows(benchmark.vertx(), raw);
                assertSameRows(benchmark.hibernate(), raw);
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void everyFilteredQueryReturnsTheSameRowsInTheSameOrder(String database) {
        FilteredQueryBenchmark benchmark = new FilteredQueryBenchmark();
        benchmark.database = available(database);
        benchmark.rows = 2_000;
        benchmark.setUp();
        try {
            List<BenchRow> raw = benchmark.raw();
            assertThat(raw).hasSize(FilteredQueryBenchmark.LIMIT)
                    .allSatisfy(row -> assertThat(row.getAge()).isBetween(30, 39))
                    .isSortedAccordingTo(Comparator.comparingDouble(BenchRow::getScore).reversed());
            List<Values> expected = values(raw);
            assertThat(values(benchmark.nextormCondition())).isEqualTo(expected);
            assertThat(values(benchmark.nextormLambda())).isEqualTo(expected);
            assertThat(values(benchmark.springTemplate())).isEqualTo(expected);
            assertThat(values(benchmark.springRepository())).isEqualTo(expected);
            assertThat(values(benchmark.jooq())).isEqualTo(expected);
            if (onVertx(database)) {
                assertThat(values(benchmark.vertx())).isEqualTo(expected);
                assertThat(values(benchmark.hibernate())).isEqualTo(expected);
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void everyInsertWritesEveryRow(String database) {
        InsertBenchmark benchmark = new InsertBenchmark();
        benchmark.database = available(database);
        benchmark.rows = ROWS;
        benchmark.setUp();
        try {
            assertInserts(benchmark, InsertBenchmark::rawEachInTransaction, false);
            assertInserts(benchmark, InsertBenchmark::rawMultiRow, false);
            assertInserts(benchmark, InsertBenchmark::rawBatch, false);
            assertInserts(benchmark, InsertBenchmark::rawEachAutoCommit, true);
            assertInserts(benchmark, InsertBenchmark::nextormSave, true);
            assertInserts(benchmark, InsertBenchmark::nextormSessionFlush, true);
            assertInserts(benchmark, InsertBenchmark::springTemplateInsert, true);
            assertInserts(benchmark, InsertBenchmark::springRepositorySaveAll, true);
            assertInserts(benchmark, InsertBenchmark::jooqBatch, false);
            assertInserts(benchmark, InsertBenchmark::jooqMultiRow, false);
            if (onVertx(database)) {
                assertInserts(benchmark, InsertBenchmark::vertxBatch, false);
                assertInserts(benchmark, InsertBenchmark::hibernateInsertAll, true);
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void everyLoadChangeWriteAddsOneToEveryScore(String database) {
        LoadChangeWriteBenchmark benchmark = new LoadChangeWriteBenchmark();
        benchmark.database = available(database);
        benchmark.rows = 300;
        benchmark.setUp();
        try {
            assertChangesEveryRow(benchmark, LoadChangeWriteBenchmark::raw);
            assertChangesEveryRow(benchmark, LoadChangeWriteBenchmark::nextormSession);
            assertChangesEveryRow(benchmark, LoadChangeWriteBenchmark::springTemplate);
            assertChangesEveryRow(benchmark, LoadChangeWriteBenchmark::springRepository);
            assertChangesEveryRow(benchmark, LoadChangeWriteBenchmark::jooq);
            if (onVertx(database)) {
                assertChangesEveryRow(benchmark, LoadChangeWriteBenchmark::vertx);
                assertChangesEveryRow(benchmark, LoadChangeWriteBenchmark::hibernate);
            }
        } finally {
            benchmark.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres", "mariadb"})
    void everyStreamSeesEveryRow(String database) {
        StreamBenchmark benchmark = new StreamBenchmark();
        benchmark.database = available(database);
        benchmark.rows = 2_500;
        benchmark.setUp();
        try {
            assertThat(benchmark.raw()).isEqualTo(2_500);
            assertThat(benchmark.nextorm()).isEqualTo(2_500);
            assertThat(benchmark.springTemplate()).isEqualTo(2_500);
            assertThat(benchmark.springRepository()).isEqualTo(2_500);
            assertThat(benchmark.jooq()).isEqualTo(2_500);
            if (onVertx(database)) {
                assertThat(benchmark.vertx()).isEqualTo(2_500);
                assertThat(benchmark.hibernate()).isEqualTo(2_500);
            }
        } finally {
            benchmark.tearDown();
        }
    }

    private static void assertChangesEveryRow(LoadChangeWriteBenchmark benchmark,
                                              Function<LoadChangeWriteBenchmark, List<BenchRow>> loadChangeWrite) {
        Supplier<Map<Long, Double>> scores = () -> benchmark.fixture().raw().selectAll().block().stream()
                .collect(Collectors.toMap(BenchRow::getId, BenchRow::getScore));
        // twice, as JMH calls it: a side that leaves its transaction uncommitted fails the second time
        for (int pass = 1; pass <= 2; pass++) {
            Map<Long, Double> before = scores.get();
            List<BenchRow> changed = loadChangeWrite.apply(benchmark);
            assertThat(changed).hasSize(before.size());
            Map<Long, Double> after = scores.get();
            assertThat(after.keySet()).isEqualTo(before.keySet());
            int current = pass;
            before.forEach((id, score) -> assertThat(after.get(id))
                    .as("score of row %d after pass %d", id, current).isEqualTo(score + 1));
        }
    }

    private static void assertInserts(InsertBenchmark benchmark, Function<InsertBenchmark, List<BenchRow>> insert,
                                      boolean keysSet) {
        benchmark.emptyTable();
        List<BenchRow> inserted = insert.apply(benchmark);
        Supplier<List<BenchRow>> table = () -> benchmark.fixture().raw().selectAll().block();
        assertThat(inserted).hasSize(ROWS);
        if (keysSet) {
            assertThat(inserted).extracting(BenchRow::getId).doesNotContainNull().doesNotHaveDuplicates();
            assertSameRows(table.get(), inserted);
        } else {
            assertThat(table.get()).hasSize(ROWS)
                    .extracting(BenchRow::getEmail).contains("user0@example.com", "user" + (ROWS - 1) + "@example.com");
        }
    }

    private static boolean onVertx(String database) {
        return Database.of(database) == Database.POSTGRES;
    }

    /** The database's name, when it can be reached; else the test is skipped (or fails, when required). */
    private static String available(String name) {
        Database database = Database.of(name);
        String reason = UNAVAILABLE.computeIfAbsent(database, BenchmarksSmokeTest::probe);
        if (!reason.isEmpty()) {
            if ("required".equals(System.getProperty("nextorm.test.databases"))) {
                fail(reason);
            }
            Assumptions.abort(reason);
        }
        return name;
    }

    private static String probe(Database database) {
        try {
            Mono.usingWhen(Mono.from(ConnectionFactories.get(database.url()).create()),
                    connection -> Mono.just(true), Connection::close).block(Duration.ofSeconds(10));
            return "";
        } catch (RuntimeException e) {
            return database.provider() + " at " + database.url() + " cannot be reached (" + e.getMessage() + ")";
        }
    }

    private static void assertSameRows(List<BenchRow> actual, List<BenchRow> expected) {
        assertThat(valuesById(actual)).containsExactlyElementsOf(valuesById(expected));
    }

    private static List<Values> valuesById(List<BenchRow> rows) {
        return values(rows).stream().sorted(Comparator.comparing(Values::id)).toList();
    }

    private static List<Values> values(List<BenchRow> rows) {
        return rows.stream()
                .map(row -> new Values(row.getId(), row.getName(), row.getEmail(), row.getAge(), row.getScore(),
                        row.getCreated()))
                .toList();
    }

    /** A row's values, compared by equals: much faster than AssertJ's field-by-field comparison. */
    private record Values(Long id, String name, String email, int age, double score, LocalDateTime created) {
    }
}
