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
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

/**
 * A filtered, ordered, limited query over a table of {@value #ROWS} rows:
 * {@code WHERE age >= 30 AND age < 40 ORDER BY score DESC LIMIT 100} (about 1,700 rows match),
 * bounds bound as parameters. nextorm runs it twice: as a condition of the metamodel and as a
 * plain Java lambda translated to the same SQL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FilteredQueryBenchmark extends TableBenchmark {

    /** Rows in the table. */
    public static final int ROWS = 10_000;

    /** The lowest age, inclusive. */
    public static final int MIN_AGE = 30;

    /** The highest age, exclusive. */
    public static final int MAX_AGE = 40;

    /** The most rows returned. */
    public static final int LIMIT = 100;

    /** Rows in the table; lowered by the smoke test. */
    int rows = Sizes.scaled(ROWS);

    @Override
    void prepare() {
        fixture.fill(rows);
    }

    /**
     * The raw driver: one hand-written statement.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> raw() {
        return fixture.raw().selectFiltered(MIN_AGE, MAX_AGE, LIMIT).block();
    }

    /**
     * nextorm with conditions: {@code filter(BenchRow_.age.ge(min), BenchRow_.age.lt(max))
     * .orderBy(BenchRow_.score.desc()).limit(100)}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> nextormCondition() {
        int min = MIN_AGE;
        int max = MAX_AGE;
        return fixture.db().aselect(BenchRow.class)
                .filter(BenchRow_.age.ge(min), BenchRow_.age.lt(max))
                .orderBy(BenchRow_.score.desc())
                .limit(LIMIT)
                .fetchAll().block();
    }

    /**
     * nextorm with a lambda: {@code where(r -> r.getAge() >= min && r.getAge() < max)}, the bounds
     * captured as local variables.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> nextormLambda() {
        int min = MIN_AGE;
        int max = MAX_AGE;
        return fixture.db().aselect(BenchRow.class)
                .where(r -> r.getAge() >= min && r.getAge() < max)
                .orderBy(BenchRow_.score.desc())
                .limit(LIMIT)
                .fetchAll().block();
    }

    /**
     * Spring Data R2DBC: {@code template.select(BenchRow.class).matching(query(...).sort(...).limit(100))}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> springTemplate() {
        return fixture.template().select(BenchRow.class)
                .matching(query(where("age").greaterThanOrEquals(MIN_AGE).and("age").lessThan(MAX_AGE))
                        .sort(Sort.by(Sort.Order.desc("score")))
                        .limit(LIMIT))
                .all().collectList().block();
    }

    /**
     * Spring Data R2DBC: a derived query method with a {@code Limit} argument.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> springRepository() {
        return fixture.repository().findByAgeGreaterThanEqualAndAgeLessThanOrderByScoreDesc(MIN_AGE, MAX_AGE,
                Limit.of(LIMIT)).collectList().block();
    }

    /**
     * jOOQ: {@code where(AGE.ge(min).and(AGE.lt(max))).orderBy(SCORE.desc()).limit(100)}.
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> jooq() {
        return fixture.jooq().selectFiltered(MIN_AGE, MAX_AGE, LIMIT).block();
    }

    /**
     * The Vert.x client: one prepared query (PostgreSQL only).
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> vertx() {
        return fixture.vertx().selectFiltered(MIN_AGE, MAX_AGE, LIMIT).block();
    }

    /**
     * Hibernate Reactive: an HQL selection query with {@code setMaxResults} (PostgreSQL only).
     *
     * @return the rows
     */
    @Benchmark
    public List<BenchRow> hibernate() {
        return fixture.hibernate().selectFiltered(MIN_AGE, MAX_AGE, LIMIT).block();
    }
}
