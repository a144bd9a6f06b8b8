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
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

/**
 * Getting rows by primary key: one operation is {@value #LOOKUPS} lookups of random existing keys,
 * one after the other, each on a pooled connection of its own. {@link GetByIdConcurrentBenchmark}
 * runs the same lookups {@value GetByIdConcurrentBenchmark#IN_FLIGHT} at a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GetByIdBenchmark extends TableBenchmark {

    /** Rows in the table. */
    public static final int ROWS = 10_000;

    /** Lookups in one operation. */
    public static final int LOOKUPS = 1_000;

    /** Rows in the table; lowered by the smoke test. */
    int rows = Sizes.scaled(ROWS);

    /** Lookups per operation; lowered by the smoke test. */
    int lookups = Sizes.scaled(LOOKUPS);

    private Long[] ids;

    /** Lookups in flight at once: 1 here. */
    int concurrency() {
        return 1;
    }

    @Override
    void prepare() {
        ids = Lookups.draw(fixture.fill(rows), lookups);
    }

    private List<BenchRow> lookUp(Function<Long, Mono<BenchRow>> get) {
        return Lookups.run(ids, concurrency(), get);
    }

    /**
     * The raw driver: {@code SELECT ... WHERE id = ?} on a new pooled connection per key.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> raw() {
        return lookUp(fixture.raw()::selectById);
    }

    /**
     * nextorm: {@code db.aselect(BenchRow.class).filter(BenchRow_.id.eq(id)).fetchOne()}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> nextorm() {
        return lookUp(id -> fixture.db().aselect(BenchRow.class).filter(BenchRow_.id.eq(id)).fetchOne());
    }

    /**
     * Spring Data R2DBC: {@code template.selectOne(query(where("id").is(id)), BenchRow.class)}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> springTemplate() {
        return lookUp(id -> fixture.template().selectOne(query(where("id").is(id)), BenchRow.class));
    }

    /**
     * Spring Data R2DBC: {@code repository.findById(id)}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> springRepository() {
        return lookUp(fixture.repository()::findById);
    }

    /**
     * jOOQ: {@code select(...).from(BENCH_ROW).where(ID.eq(id))} as a publisher.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> jooq() {
        return lookUp(fixture.jooq()::selectById);
    }

    /**
     * The Vert.x client: a prepared query per key (PostgreSQL only).
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> vertx() {
        return lookUp(fixture.vertx()::selectById);
    }

    /**
     * Hibernate Reactive: {@code StatelessSession.get(BenchRow.class, id)} (PostgreSQL only).
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> hibernate() {
        return lookUp(fixture.hibernate()::selectById);
    }
}
