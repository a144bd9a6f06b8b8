package io.nextorm.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Inserting {@value #ROWS} new objects into an empty table, one operation per {@value #ROWS}. The
 * table is emptied and the objects are made before each operation, outside the measured time.
 * nextorm's session flush is measured against one INSERT per row and against each peer's batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InsertBenchmark extends TableBenchmark {

    /** Objects inserted by one operation. */
    public static final int ROWS = 10_000;

    /** Rows in one multi-row INSERT. */
    public static final int ROWS_PER_STATEMENT = 500;

    /** Rows per operation; lowered by the smoke test. */
    int rows = Sizes.scaled(ROWS);

    private List<BenchRow> objects;

    @Override
    void prepare() {
        // nothing once per trial: each invocation starts from an empty table (emptyTable)
    }

    /**
     * Empties the table and makes new objects without keys.
     */
    @Setup(Level.Invocation)
    public void emptyTable() {
        fixture.raw().truncate().block();
        objects = Fixture.newRows(rows);
    }

    Fixture fixture() {
        return fixture;
    }

    /**
     * The raw driver: one INSERT per row, all in one transaction, keys not read.
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> rawEachInTransaction() {
        fixture.raw().insertEachInTransaction(objects).block();
        return objects;
    }

    /**
     * The raw driver: one INSERT per row in auto-commit mode on its own pooled connection, reading
     * the generated key into the object (what a save does).
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> rawEachAutoCommit() {
        fixture.raw().insertEachAutoCommit(objects).block();
        return objects;
    }

    /**
     * The raw driver: multi-row {@code VALUES} of {@value #ROWS_PER_STATEMENT} rows a statement, in
     * one transaction.
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> rawMultiRow() {
        fixture.raw().insertMultiRow(objects, ROWS_PER_STATEMENT).block();
        return objects;
    }

    /**
     * nextorm: {@code db.asave(row)} per object, one after the other.
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> nextormSave() {
        return Flux.fromIterable(objects).concatMap(fixture.db()::asave).collectList().block();
    }

    /**
     * nextorm: a session that adds every object and flushes once at its end (multi-row INSERTs,
     * keys read back into the objects).
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> nextormSessionFlush() {
        return fixture.db().session(session -> {
            objects.forEach(session::add);
            return Mono.just(objects);
        }).block();
    }

    /**
     * Spring Data R2DBC: {@code template.insert(row)} per object, one after the other.
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> springTemplateInsert() {
        return Flux.fromIterable(objects).concatMap(fixture.template()::insert).collectList().block();
    }

    /**
     * The raw driver: one INSERT bound once per row as one {@code Statement.add()} batch, in one
     * transaction, keys not read.
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> rawBatch() {
        fixture.raw().insertBatch(objects).block();
        return objects;
    }

    /**
     * Spring Data R2DBC: {@code repository.saveAll(objects)} in one transaction (Spring Data R2DBC
     * has no batch: one INSERT per object, keys read back).
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> springRepositorySaveAll() {
        return fixture.repository().saveAll(objects).as(fixture.transactional()::transactional).collectList().block();
    }

    /**
     * jOOQ: {@code batch(insertInto(...).values(...)).bind(...)} per row, in one transaction, keys not read.
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> jooqBatch() {
        fixture.jooq().insertBatch(objects).block();
        return objects;
    }

    /**
     * jOOQ: multi-row {@code insertInto(...).values(...).values(...)} of {@value #ROWS_PER_STATEMENT}
     * rows a statement, in one transaction, keys not read.
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> jooqMultiRow() {
        fixture.jooq().insertMultiRow(objects, ROWS_PER_STATEMENT).block();
        return objects;
    }

    /**
     * The Vert.x client: {@code preparedQuery(insert).executeBatch(tuples)} in one transaction, keys
     * not read (PostgreSQL only).
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> vertxBatch() {
        fixture.vertx().insertBatch(objects).block();
        return objects;
    }

    /**
     * Hibernate Reactive: {@code StatelessSession.insertMultiple(objects)} in one transaction, keys
     * read back (PostgreSQL only).
     *
     * @return the inserted objects
     */
    @Benchmark
    public List<BenchRow> hibernateInsertAll() {
        fixture.hibernate().insertAll(objects).block();
        return objects;
    }
}
