package io.nextorm.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Fetching a whole table of {@value #ROWS} rows mapped to objects, one operation per fetch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FetchBenchmark extends TableBenchmark {

    /** Rows in the table. */
    public static final int ROWS = 10_000;

    private static final String SELECT_ALL = "SELECT " + BenchRow.COLUMNS + " FROM bench_row";

    /** Rows per operation; lowered by the smoke test. */
    int rows = Sizes.scaled(ROWS);

    @Override
    void prepare() {
        fixture.fill(rows);
    }

    /**
     * The raw driver: one statement, rows mapped by column index.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> raw() {
        return fixture.raw().selectAll().block();
    }

    /**
     * nextorm: {@code db.aselect(BenchRow.class).fetchAll()}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> nextorm() {
        return fixture.db().aselect(BenchRow.class).fetchAll().block();
    }

    /**
     * Spring Data R2DBC: {@code template.select(BenchRow.class).all()}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> springTemplate() {
        return fixture.template().select(BenchRow.class).all().collectList().block();
    }

    /**
     * Spring's {@code DatabaseClient} with the raw driver's hand-written row mapping.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> springClient() {
        return fixture.client().sql(SELECT_ALL).map(RawDriver::map).all().collectList().block();
    }

    /**
     * Spring Data R2DBC: {@code repository.findAll()}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> springRepository() {
        return fixture.repository().findAll().collectList().block();
    }

    /**
     * jOOQ: {@code select(...).from(BENCH_ROW)} as a publisher, {@code Records.mapping(BenchRow::new)}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> jooq() {
        return fixture.jooq().selectAll().block();
    }

    /**
     * The Vert.x client: one prepared query, rows mapped by index (PostgreSQL only).
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> vertx() {
        return fixture.vertx().selectAll().block();
    }

    /**
     * Hibernate Reactive: {@code from BenchRow} in a stateless session (PostgreSQL only).
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> hibernate() {
        return fixture.hibernate().selectAll().block();
    }
}
