package io.nextorm.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

/**
 * Getting rows by primary key: one operation is {@value #LOOKUPS} lookups of random existing keys,
 * one after the other, each on a pooled connection of its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GetByIdBenchmark {

    /** Rows in the table. */
    public static final int ROWS = 10_000;

    /** Lookups in one operation. */
    public static final int LOOKUPS = 1_000;

    /** The database: {@code h2}, {@code postgres} or {@code mariadb}. */
    @Param({"h2", "postgres", "mariadb"})
    public String database;

    /** Rows per operation; lowered by the smoke test. */
    int rows = ROWS;

    private Fixture fixture;
    private Long[] ids;

    /**
     * Opens the fixture, fills the table and draws the keys to look up (the same for every side).
     */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.open(Database.of(database));
        List<Long> existing = fixture.fill(rows);
        Random random = new Random(42);
        ids = new Long[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            ids[i] = existing.get(random.nextInt(existing.size()));
        }
    }

    /**
     * Closes the fixture.
     */
    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /**
     * The raw driver: {@code SELECT ... WHERE id = ?} on a new pooled connection per key.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> raw() {
        return Flux.fromArray(ids).concatMap(id -> fixture.raw().selectById(id)).collectList().block();
    }

    /**
     * nextorm: {@code db.aselect(BenchRow.class).filter(BenchRow_.id.eq(id)).fetchOne()}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> nextorm() {
        return Flux.fromArray(ids)
                .concatMap(id -> fixture.db().aselect(BenchRow.class).filter(BenchRow_.id.eq(id)).fetchOne())
                .collectList().block();
    }

    /**
     * Spring Data R2DBC: {@code template.selectOne(query(where("id").is(id)), BenchRow.class)}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> springTemplate() {
        return Flux.fromArray(ids)
                .concatMap(id -> fixture.template().selectOne(query(where("id").is(id)), BenchRow.class))
                .collectList().block();
    }
}
