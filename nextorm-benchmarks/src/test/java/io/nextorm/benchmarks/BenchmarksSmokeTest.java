package io.nextorm.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark method run once on H2, outside JMH and on fewer rows: each side returns the same rows, so the
 * numbers compare like with like.
 */
class BenchmarksSmokeTest {

    /** Enough rows for every code path (two multi-row statements), few enough for a quick build. */
    private static final int ROWS = 600;

    @Test
    void everyFetchReturnsTheSameRows() {
        FetchBenchmark benchmark = new FetchBenchmark();
        benchmark.database = "h2";
        benchmark.rows = ROWS;
        benchmark.setUp();
        try {
            List<BenchRow> raw = benchmark.raw();
            assertThat(raw).hasSize(ROWS);
            assertSameRows(benchmark.nextorm(), raw);
            assertSameRows(benchmark.springTemplate(), raw);
            assertSameRows(benchmark.springClient(), raw);
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void everyGetByIdReturnsTheSameRows() {
        GetByIdBenchmark benchmark = new GetByIdBenchmark();
        benchmark.database = "h2";
        benchmark.rows = ROWS;
        benchmark.setUp();
        try {
            List<BenchRow> raw = benchmark.raw();
            assertThat(raw).hasSize(GetByIdBenchmark.LOOKUPS);
            assertThat(raw).extracting(BenchRow::getId).doesNotContainNull();
            assertSameRows(benchmark.nextorm(), raw);
            assertSameRows(benchmark.springTemplate(), raw);
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void everyInsertWritesEveryRow() {
        InsertBenchmark benchmark = new InsertBenchmark();
        benchmark.database = "h2";
        benchmark.rows = ROWS;
        benchmark.setUp();
        try {
            assertInserts(benchmark, InsertBenchmark::rawEachInTransaction, false);
            assertInserts(benchmark, InsertBenchmark::rawMultiRow, false);
            assertInserts(benchmark, InsertBenchmark::rawEachAutoCommit, true);
            assertInserts(benchmark, InsertBenchmark::nextormSave, true);
            assertInserts(benchmark, InsertBenchmark::nextormSessionFlush, true);
            assertInserts(benchmark, InsertBenchmark::springTemplateInsert, true);
        } finally {
            benchmark.tearDown();
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

    private static void assertSameRows(List<BenchRow> actual, List<BenchRow> expected) {
        assertThat(valuesById(actual)).containsExactlyElementsOf(valuesById(expected));
    }

    private static List<Values> valuesById(List<BenchRow> rows) {
        return rows.stream()
                .map(row -> new Values(row.getId(), row.getName(), row.getEmail(), row.getAge(), row.getScore(),
                        row.getCreated()))
                .sorted(Comparator.comparing(Values::id))
                .toList();
    }

    /** A row's values, compared by equals: much faster than AssertJ's field-by-field comparison. */
    private record Values(Long id, String name, String email, int age, double score, LocalDateTime created) {
    }
}
