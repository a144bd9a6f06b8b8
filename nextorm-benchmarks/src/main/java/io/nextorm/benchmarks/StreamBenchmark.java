package io.nextorm.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

import java.util.concurrent.TimeUnit;

/**
 * Streaming a whole table of {@code rows} rows (100,000 and 1,000,000), each mapped to an object
 * and handed on, none kept: one operation per pass, timed one at a time. Run with
 * {@code -prof io.nextorm.benchmarks.HeapProfiler} for the peak live heap of each pass (flat
 * streaming keeps it the same at both sizes); the fork fixes the young generation at 64 MB so a
 * collection, and so a heap reading, comes every 64 MB of allocation, with the default maximum heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmn64m")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class StreamBenchmark extends TableBenchmark {

    /** Rows a driver fetches at a time where the side lets one say so. */
    public static final int FETCH_SIZE = 1_000;

    /** Rows in the table and in one pass (scaled by {@code nextorm.bench.scale}). */
    @Param({"100000", "1000000"})
    public int rows;

    private long checksum;

    @Override
    void prepare() {
        fixture.fillOnly(Sizes.scaled(rows));
    }

    private long consume(Flux<BenchRow> stream) {
        return stream.doOnNext(this::take).count().block();
    }

    private void take(BenchRow row) {
        checksum += row.getAge();
    }

    /**
     * The raw driver: {@code Statement.fetchSize(1000)} (a cursor on PostgreSQL), rows mapped by index.
     *
     * @return the rows seen
     */
    @Benchmark
    public long raw() {
        return consume(fixture.raw().stream(FETCH_SIZE));
    }

    /**
     * nextorm: {@code db.aselect(BenchRow.class).stream()}.
     *
     * @return the rows seen
     */
    @Benchmark
    public long nextorm() {
        return consume(fixture.db().aselect(BenchRow.class).stream());
    }

    /**
     * Spring Data R2DBC: {@code template.select(BenchRow.class).all()}.
     *
     * @return the rows seen
     */
    @Benchmark
    public long springTemplate() {
        return consume(fixture.template().select(BenchRow.class).all());
    }

    /**
     * Spring Data R2DBC: {@code repository.findAll()}.
     *
     * @return the rows seen
     */
    @Benchmark
    public long springRepository() {
        return consume(fixture.repository().findAll());
    }

    /**
     * jOOQ: {@code Flux.from(select(...).from(BENCH_ROW))}.
     *
     * @return the rows seen
     */
    @Benchmark
    public long jooq() {
        return consume(fixture.jooq().stream());
    }

    /**
     * The Vert.x client: a {@code RowStream} over a cursor of 1,000 rows a fetch, in a transaction
     * (PostgreSQL only).
     *
     * @return the rows seen
     */
    @Benchmark
    public long vertx() {
        return fixture.vertx().stream(FETCH_SIZE, this::take).block();
    }

    /**
     * Hibernate Reactive: it has no streaming query, so {@code getResultList()} in a stateless session,
     * the whole table in one list (PostgreSQL only).
     *
     * @return the rows seen
     */
    @Benchmark
    public long hibernate() {
        return consume(fixture.hibernate().selectAll().flatMapIterable(list -> list));
    }
}
