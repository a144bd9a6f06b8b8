package io.nextorm.spring.actuate;

import io.nextorm.AsyncDatabase;
import io.nextorm.QueryStats;
import io.nextorm.spring.actuate.NextOrmEndpoint.NextOrmDescriptor;
import io.nextorm.spring.actuate.NextOrmEndpoint.StatementDescriptor;
import io.nextorm.spring.boot.autoconfigure.fixture.Book;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf;
import io.nextorm.spring.boot.autoconfigure.fixture.Shelf_;
import io.nextorm.spring.metrics.StatementIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NextOrmEndpointTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private AsyncDatabase db;
    private NextOrmEndpoint endpoint;

    @BeforeEach
    void open() {
        db = new AsyncDatabase(List.of(Shelf.class, Book.class));
        db.bind("h2", "mem:endpoint" + DATABASES.incrementAndGet(), Map.of()).block(TIMEOUT);
        db.generateMapping(true, true).block(TIMEOUT);
        db.clearLocalStats();
        QueryStats.clearGlobal();
        endpoint = new NextOrmEndpoint(Map.of("blog", db));
    }

    @AfterEach
    void close() {
        db.close().block(TIMEOUT);
        QueryStats.clearGlobal();
    }

    @Test
    void listsEveryStatementWithItsIdSqlAndStatistics() {
        db.aselect(Shelf.class).fetchAll().repeat(2).blockLast(TIMEOUT);
        String sql = db.localStats().keySet().iterator().next();

        List<StatementDescriptor> statements = endpoint.statements().databases().get("blog").statements();

        assertThat(statements).singleElement().satisfies(statement -> {
            assertThat(statement.id()).isEqualTo(StatementIds.of(sql));
            assertThat(statement.sql()).isEqualTo(sql);
            assertThat(statement.count()).isEqualTo(3);
            assertThat(statement.sumMs()).isPositive();
            assertThat(statement.minMs()).isPositive().isLessThanOrEqualTo(statement.avgMs());
            assertThat(statement.maxMs()).isGreaterThanOrEqualTo(statement.avgMs());
            assertThat(statement.avgMs()).isCloseTo(statement.sumMs() / 3, org.assertj.core.data.Offset.offset(0.001));
        });
    }

    @Test
    void slowestStatementComesFirst() {
        db.aselect(Shelf.class).fetchAll().block(TIMEOUT);
        db.selectRaw("SELECT SLEEP(0.05)").onErrorResume(e -> db.selectRaw("SELECT 1 FROM (SELECT COUNT(*) FROM "
                + "SYSTEM_RANGE(1, 300000)) x")).block(TIMEOUT);
        db.aselect(Shelf.class).filter(Shelf_.name.eq("a")).count().block(TIMEOUT);

        List<StatementDescriptor> statements = endpoint.statements().databases().get("blog").statements();

        assertThat(statements).hasSizeGreaterThanOrEqualTo(3);
        assertThat(statements).extracting(StatementDescriptor::avgMs).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void globalStatisticsAreListedToo() {
        db.aselect(Shelf.class).fetchAll().block(TIMEOUT);
        db.mergeLocalStats();
        db.aselect(Shelf.class).count().block(TIMEOUT);

        NextOrmDescriptor described = endpoint.statements();

        assertThat(described.global().statements()).extracting(StatementDescriptor::sql)
                .containsExactly(db.aselect(Shelf.class).getSql());
        assertThat(described.databases().get("blog").statements()).singleElement()
                .satisfies(statement -> assertThat(statement.sql()).containsIgnoringCase("count("));
    }

    @Test
    void statementIsFoundByItsId() {
        db.aselect(Shelf.class).fetchAll().then(db.aselect(Shelf.class).count()).block(TIMEOUT);
        String sql = db.aselect(Shelf.class).getSql();

        NextOrmDescriptor found = endpoint.statement(StatementIds.of(sql));

        assertThat(found.databases().get("blog").statements()).extracting(StatementDescriptor::sql).containsExactly(sql);
        assertThat(endpoint.statement("0000000000")).isNull();
    }
}
