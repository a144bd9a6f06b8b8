package io.nextorm.spring.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.nextorm.AsyncDatabase;
import io.nextorm.OptimisticCheckException;
import io.nextorm.SqlExecutionException;
import io.nextorm.spring.boot.autoconfigure.fixture.Book;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf_;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.micrometer.metrics.MaximumAllowableTagsMeterFilter;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NextOrmMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private AsyncDatabase db;

    @BeforeEach
    void open() {
        db = new AsyncDatabase(List.of(Shelf.class, Book.class));
        db.bind("h2", "mem:metrics" + DATABASES.incrementAndGet(), Map.of()).block(TIMEOUT);
        db.generateMapping(true, true).block(TIMEOUT);
        db.clearLocalStats();
    }

    @AfterEach
    void close() {
        db.close().block(TIMEOUT);
    }

    private void bind() {
        new NextOrmMetrics(db, "blog", Tags.of("region", "eu")).bindTo(registry);
    }

    @Test
    void queryIsTimedByOperationAndEntity() {
        bind();
        db.aselect(Shelf.class).fetchAll().block(TIMEOUT);

        assertThat(registry.get("nextorm.query").tag("operation", "select").tag("entity", "Shelf")
                .tag("exception", "none").tag("database", "blog").tag("region", "eu").timer().count()).isEqualTo(1);
    }

    @Test
    void statementTagIsTheIdOfTheStatisticsKey() {
        bind();
        db.aselect(Shelf.class).filter(Shelf_.name.eq("a")).fetchAll().block(TIMEOUT);
        String key = db.localStats().keySet().iterator().next();

        assertThat(registry.get("nextorm.query").tag("statement", StatementIds.of(key)).timer().count()).isEqualTo(1);
        assertThat(StatementIds.of(key)).hasSize(10).matches("[0-9a-f]{10}");
    }

    @Test
    void eachOperationHasItsTag() {
        bind();
        Shelf shelf = db.asave(Shelf.named("a")).block(TIMEOUT);
        shelf.setName("b");
        db.asave(shelf).then(db.adeleteInstance(shelf)).then(db.execute("SET @x = 1")).block(TIMEOUT);

        assertThat(registry.get("nextorm.query").timers()).extracting(timer -> timer.getId().getTag("operation"))
                .contains("insert", "update", "delete", "other");
        assertThat(registry.get("nextorm.query").tag("operation", "other").timer().getId().getTag("entity"))
                .isEqualTo("none");
    }

    @Test
    void failedStatementIsTaggedWithTheDriversExceptionClass() {
        bind();
        Throwable error = org.assertj.core.api.Assertions.catchThrowable(
                () -> db.execute("SELECT * FROM no_such_table").block(TIMEOUT));
        assertThat(error).isInstanceOf(SqlExecutionException.class);

        String expected = error.getCause().getClass().getSimpleName();
        assertThat(expected).isNotEqualTo("SqlExecutionException");
        assertThat(registry.get("nextorm.query").tag("exception", expected).timer().count()).isEqualTo(1);
        assertThat(registry.find("nextorm.query").tag("exception", "none").timer()).as("no meter never recorded")
                .isNull();
    }

    @Test
    void rowsAreSummarizedPerStatement() {
        db.asave(Shelf.named("a")).then(db.asave(Shelf.named("b"))).then(db.asave(Shelf.named("c"))).block(TIMEOUT);
        bind();
        db.aselect(Shelf.class).fetchAll().block(TIMEOUT);

        assertThat(registry.get("nextorm.query.rows").tag("operation", "select").summary().totalAmount()).isEqualTo(3);
        assertThat(registry.get("nextorm.query.rows").summary().getId().getTag("exception")).isNull();
    }

    @Test
    void sessionsCommitsAndRollbacksAreCounted() {
        bind();
        db.session(s -> db.asave(Shelf.named("a"))).block(TIMEOUT);
        assertThatThrownBy(() -> db.session(s -> Mono.error(new IllegalStateException("boom"))).block(TIMEOUT));

        assertThat(registry.get("nextorm.sessions").tag("database", "blog").counter().count()).isEqualTo(2);
        assertThat(registry.get("nextorm.commits").counter().count()).isEqualTo(1);
        assertThat(registry.get("nextorm.rollbacks").counter().count()).isEqualTo(1);
        assertThat(registry.get("nextorm.optimistic.failures").counter().count()).isZero();
    }

    @Test
    void optimisticFailuresAreCounted() {
        db.asave(Shelf.named("a")).block(TIMEOUT);
        bind();
        assertThatThrownBy(() -> db.session(s -> db.aselect(Shelf.class).getOrRaise()
                .flatMap(shelf -> db.execute("DELETE FROM shelf").doOnNext(rows -> shelf.setName("b"))))
                .block(TIMEOUT)).isInstanceOf(OptimisticCheckException.class);

        assertThat(registry.get("nextorm.optimistic.failures").counter().count()).isEqualTo(1);
        assertThat(registry.get("nextorm.rollbacks").counter().count()).isEqualTo(1);
    }

    @Test
    void noTagCarriesSqlTextOrValues() {
        bind();
        db.asave(Shelf.named("secret value")).block(TIMEOUT);
        db.aselect(Shelf.class).filter(Shelf_.name.eq("secret value")).fetchAll().block(TIMEOUT);
        db.execute("SELECT * FROM no_such_table").onErrorResume(e -> Mono.empty()).block(TIMEOUT);

        Set<String> values = registry.getMeters().stream().flatMap(meter -> meter.getId().getTags().stream())
                .map(Tag::getValue).collect(Collectors.toSet());
        assertThat(values).isNotEmpty().allSatisfy(value -> {
            assertThat(value).doesNotContainIgnoringCase("from").doesNotContainIgnoringCase("secret")
                    .doesNotContain(" ").doesNotContain("?").hasSizeLessThan(40);
        });
    }

    @Test
    void statementTagsAreCappedByTheMeterFilter() {
        registry.config().meterFilter(new MaximumAllowableTagsMeterFilter("nextorm.query", "statement", 2));
        bind();
        db.aselect(Shelf.class).fetchAll()
                .then(db.aselect(Shelf.class).filter(Shelf_.name.eq("a")).fetchAll())
                .then(db.aselect(Shelf.class).filter(Shelf_.id.eq(1L)).fetchAll())
                .then(db.aselect(Shelf.class).count())
                .block(TIMEOUT);

        Set<String> statements = registry.getMeters().stream().map(Meter::getId)
                .filter(id -> id.getName().startsWith("nextorm.query"))
                .map(id -> id.getTag("statement")).collect(Collectors.toSet());
        assertThat(db.localStats()).hasSize(4);
        assertThat(statements).hasSize(2);
    }

    @Test
    void exceptionTagOfAnErrorWithoutCauseIsItsOwnClass() {
        assertThat(NextOrmMetrics.exceptionTag(null)).isEqualTo("none");
        assertThat(NextOrmMetrics.exceptionTag(new OptimisticCheckException("x"))).isEqualTo("OptimisticCheckException");
        assertThat(NextOrmMetrics.exceptionTag(new IllegalStateException() { })).contains("NextOrmMetricsTest");
    }

    @Test
    void metersKeepCountingAfterTheDatabaseIsClosedAndBoundAgain() {
        bind();
        db.selectRaw("SELECT 1").block(TIMEOUT);
        db.close().block(TIMEOUT);
        db.bind("h2", "mem:metrics" + DATABASES.incrementAndGet(), Map.of()).block(TIMEOUT);
        db.selectRaw("SELECT 1").block(TIMEOUT);

        assertThat(registry.get("nextorm.query").tag("operation", "select").tag("entity", "none").timer().count())
                .isEqualTo(2);
    }

    @Test
    void metricsBoundBeforeTheDatabaseIsBoundCount() {
        AsyncDatabase late = new AsyncDatabase(List.of(Shelf.class, Book.class));
        try (NextOrmMetrics metrics = new NextOrmMetrics(late, "late", Tags.empty())) {
            metrics.bindTo(registry);
            late.bind("h2", "mem:metrics" + DATABASES.incrementAndGet(), Map.of()).block(TIMEOUT);
            late.selectRaw("SELECT 1").block(TIMEOUT);
            assertThat(registry.get("nextorm.query").tag("database", "late").timer().count()).isEqualTo(1);
        } finally {
            late.close().block(TIMEOUT);
        }
    }

    @Test
    void closingTheMetricsStopsRecording() {
        NextOrmMetrics metrics = new NextOrmMetrics(db, "blog", Tags.empty());
        metrics.bindTo(registry);
        db.selectRaw("SELECT 1").block(TIMEOUT);
        metrics.close();
        metrics.close();
        db.selectRaw("SELECT 1").block(TIMEOUT);
        db.session(s -> reactor.core.publisher.Mono.empty()).block(TIMEOUT);

        assertThat(registry.get("nextorm.query").tag("entity", "none").timer().count()).isEqualTo(1);
        assertThat(registry.get("nextorm.sessions").counter().count()).isZero();
    }
}
