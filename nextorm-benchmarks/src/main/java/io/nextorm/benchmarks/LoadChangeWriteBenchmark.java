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
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Load-change-write: one operation loads all {@value #ROWS} rows of the table in one transaction,
 * adds 1 to the score of each and writes the changes back before the commit. nextorm does it with
 * a session's dirty checking (no write call), Hibernate Reactive likewise; the others write each
 * changed row explicitly, batched where the library has a batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LoadChangeWriteBenchmark extends TableBenchmark {

    /** Rows loaded, changed and written by one operation. */
    public static final int ROWS = 1_000;

    /** The change: one more point of score. */
    static final Consumer<BenchRow> CHANGE = row -> row.setScore(row.getScore() + 1);

    /** Rows in the table; lowered by the smoke test. */
    int rows = Sizes.scaled(ROWS);

    @Override
    void prepare() {
        fixture.fill(rows);
    }

    Fixture fixture() {
        return fixture;
    }

    /**
     * The raw driver: SELECT, then one {@code Statement.add()} batch of UPDATEs, one transaction.
     *
     * @return the changed rows
     */
    @Benchmark
    public List<BenchRow> raw() {
        return fixture.raw().updateEach(CHANGE).block();
    }

    /**
     * nextorm: {@code db.session(s -> db.aselect(BenchRow.class).fetchAll().doOnNext(change))}; the
     * session's dirty checking writes the changed rows at its end.
     *
     * @return the changed rows
     */
    @Benchmark
    public List<BenchRow> nextormSession() {
        return fixture.db().session(session -> fixture.db().aselect(BenchRow.class).fetchAll()
                .doOnNext(loaded -> loaded.forEach(CHANGE))).block();
    }

    /**
     * Spring Data R2DBC: {@code template.select(...).all()}, then {@code template.update(row)} per row,
     * in one transaction.
     *
     * @return the changed rows
     */
    @Benchmark
    public List<BenchRow> springTemplate() {
        // the rows are read to the end before the first UPDATE: the transaction has one connection
        return fixture.template().select(BenchRow.class).all().collectList()
                .flatMapMany(loaded -> {
                    loaded.forEach(CHANGE);
                    return Flux.fromIterable(loaded).concatMap(fixture.template()::update);
                })
                .as(fixture.transactional()::transactional)
                .collectList().block();
    }

    /**
     * Spring Data R2DBC: {@code repository.findAll()}, then {@code saveAll} of the changed rows, in
     * one transaction.
     *
     * @return the changed rows
     */
    @Benchmark
    public List<BenchRow> springRepository() {
        return fixture.repository().findAll().collectList()
                .flatMapMany(loaded -> {
                    loaded.forEach(CHANGE);
                    return fixture.repository().saveAll(loaded);
                })
                .as(fixture.transactional()::transactional)
                .collectList().block();
    }

    /**
     * jOOQ: SELECT, then one {@code batch(update(...))} with a bind-value set per row, one transaction.
     *
     * @return the changed rows
     */
    @Benchmark
    public List<BenchRow> jooq() {
        return fixture.jooq().updateEach(CHANGE).block();
    }

    /**
     * The Vert.x client: SELECT, then {@code executeBatch} of UPDATEs, one transaction (PostgreSQL only).
     *
     * @return the changed rows
     */
    @Benchmark
    public List<BenchRow> vertx() {
        return fixture.vertx().updateEach(CHANGE).block();
    }

    /**
     * Hibernate Reactive: a session loads the rows, the change is written by its dirty checking at
     * commit, in batches (PostgreSQL only).
     *
     * @return the changed rows
     */
    @Benchmark
    public List<BenchRow> hibernate() {
        return fixture.hibernate().updateEach(CHANGE).block();
    }
}
