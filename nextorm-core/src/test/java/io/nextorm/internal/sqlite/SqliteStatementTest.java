package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteStatementTest extends SqliteTestSupport {

    private Connection connection;

    @BeforeEach
    void createTable() {
        connection = connect();
        update(connection, "CREATE TABLE item (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE, qty INTEGER)");
    }

    private static <T> List<T> rows(Statement statement, Class<T> type) {
        return Flux.from(statement.execute()).concatMap(result -> result.map(row -> row.get(0, type))).collectList().block();
    }

    @Test
    void dollarMarkersBindByTheirNumber() {
        update(connection, "INSERT INTO item (name, qty) VALUES ('a', 1), ('b', 2)");
        Statement statement = connection.createStatement("SELECT name FROM item WHERE qty = $2 OR name = $1 ORDER BY name");
        statement.bind(0, "a").bind(1, 2);
        assertThat(rows(statement, String.class)).containsExactly("a", "b");
        Statement byName = connection.createStatement("SELECT $1 || $2 || $1");
        byName.bind("$1", "x").bind("$2", "y");
        assertThat(rows(byName, String.class)).containsExactly("xyx");
    }

    @Test
    void questionMarksAndNamedParametersBindInOrder() {
        Statement statement = connection.createStatement("SELECT ? || ?3 || ? || :tail");
        statement.bind(0, "a").bind(1, "unused").bind(2, "c").bind(3, "d").bind(":tail", "e");
        assertThat(rows(statement, String.class)).containsExactly("acde");
    }

    @Test
    void markersInsideLiteralsAndCommentsAreText() {
        Statement statement = connection.createStatement("SELECT '?; $1' || ? -- ? ;\n");
        statement.bind(0, "!");
        assertThat(rows(statement, String.class)).containsExactly("?; $1!");
    }

    @Test
    void aBindIndexOutOfRangeFailsWithTheParameterCount() {
        Statement statement = connection.createStatement("INSERT INTO item (name) VALUES (?)");
        assertThatThrownBy(() -> statement.bind(1, "x")).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("index 1 is out of range: the statement has 1 parameter(s)");
        assertThatThrownBy(() -> statement.bind(-1, "x")).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> statement.bind("$3", "x")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("no parameter named \"$3\"");
        assertThatThrownBy(() -> statement.bind(0, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bindNull");
    }

    @Test
    void anUnboundParameterFailsAtExecute() {
        Statement statement = connection.createStatement("INSERT INTO item (name, qty) VALUES (?, ?)");
        statement.bind(0, "x");
        assertThatThrownBy(statement::execute).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Parameter 1 is not bound before execute()");
    }

    @Test
    void addRunsTheStatementOncePerBinding() {
        Statement statement = connection.createStatement("INSERT INTO item (name, qty) VALUES (?, ?)");
        statement.bind(0, "a").bind(1, 1).add().bind(0, "b").bind(1, 2).add().bind(0, "c").bindNull(1, Integer.class);
        List<Long> counts = Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).collectList().block();
        assertThat(counts).containsExactly(1L, 1L, 1L);
        assertThat(column(connection, "SELECT name FROM item ORDER BY id")).containsExactly("a", "b", "c");
    }

    @Test
    void generatedValuesComeFromReturning() {
        Statement statement = connection.createStatement("INSERT INTO item (name) VALUES (?)").returnGeneratedValues("id");
        statement.bind(0, "a").add().bind(0, "b");
        assertThat(rows(statement, Long.class)).containsExactly(1L, 2L);
        Statement all = connection.createStatement("INSERT INTO item (name, qty) VALUES ('c', 3)").returnGeneratedValues();
        List<List<Object>> rows = Flux.from(all.execute())
                .concatMap(result -> result.map(row -> List.of(row.get("id"), row.get("name"), row.get("qty"))))
                .collectList().block();
        assertThat(rows).containsExactly(List.of(3, "c", 3));
    }

    @Test
    void aStatementWithReturningCountsItsRows() {
        update(connection, "INSERT INTO item (name, qty) VALUES ('a', 1), ('b', 2)");
        Statement statement = connection.createStatement("UPDATE item SET qty = qty + 1 RETURNING name")
                .returnGeneratedValues("ignored");
        assertThat(Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).blockLast()).isEqualTo(2L);
    }

    @Test
    void returnGeneratedValuesNeedsAWrite() {
        Statement statement = connection.createStatement("SELECT 1").returnGeneratedValues("id");
        assertThatThrownBy(statement::execute).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an INSERT, UPDATE, DELETE or REPLACE");
        assertThatThrownBy(() -> connection.createStatement("SELECT 1").returnGeneratedValues((String[]) null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalStatementsGiveOneResultEach() {
        List<Long> counts = Flux.from(connection.createStatement(
                        "INSERT INTO item (name) VALUES ('a;b'); INSERT INTO item (name) VALUES ('c'); CREATE TABLE x (y INTEGER);")
                .execute()).concatMap(Result::getRowsUpdated).collectList().block();
        assertThat(counts).containsExactly(1L, 1L, 0L);
        assertThatThrownBy(() -> connection.createStatement("SELECT ?; SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statements and parameters");
        assertThatThrownBy(() -> connection.createStatement(" ; -- nothing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no statement");
    }

    @Test
    void aTriggerBodyIsNotSplit() {
        update(connection, "CREATE TABLE audit (name TEXT)");
        update(connection, "CREATE TRIGGER log AFTER INSERT ON item BEGIN INSERT INTO audit VALUES (NEW.name);"
                + " INSERT INTO audit VALUES (CASE WHEN NEW.qty > 1 THEN 'many' ELSE 'one' END); END");
        update(connection, "INSERT INTO item (name, qty) VALUES ('a', 2)");
        assertThat(column(connection, "SELECT name FROM audit")).containsExactly("a", "many");
    }

    @Test
    void aBatchRunsEachStatement() {
        List<Object> results = Flux.from(connection.createBatch()
                        .add("INSERT INTO item (name) VALUES ('a')")
                        .add("INSERT INTO item (name) VALUES ('b')")
                        .add("SELECT count(*) FROM item").execute())
                .concatMap(result -> Flux.from(result.flatMap(segment -> Flux.just(segment instanceof Result.UpdateCount count
                        ? (Object) count.value() : ((Result.RowSegment) segment).row().get(0)))))
                .collectList().block();
        assertThat(results).containsExactly(1L, 1L, 2);
        assertThatThrownBy(() -> connection.createBatch().add("SELECT ?")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.createBatch().execute()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void filterDropsSegments() {
        update(connection, "INSERT INTO item (name) VALUES ('a'), ('b')");
        List<Object> rows = Flux.from(connection.createStatement("SELECT name FROM item ORDER BY name").execute())
                .concatMap(result -> result.filter(segment -> segment instanceof Result.RowSegment row
                        && !"a".equals(row.row().get(0))).map(row -> row.get(0)))
                .collectList().block();
        assertThat(rows).containsExactly("b");
        Long none = Flux.from(connection.createStatement("INSERT INTO item (name) VALUES ('c')").execute())
                .concatMap(result -> result.filter(segment -> false).getRowsUpdated()).blockFirst();
        assertThat(none).isNull();
    }

    @Test
    void badSqlFailsWithBadGrammarAndTheStatement() {
        assertThatThrownBy(() -> update(connection, "SELEC 1")).isInstanceOf(R2dbcBadGrammarException.class)
                .hasMessageContaining("near \"SELEC\": syntax error").hasMessageContaining("[SQL: SELEC 1]");
        assertThatThrownBy(() -> column(connection, "SELECT nope FROM item")).isInstanceOf(R2dbcBadGrammarException.class)
                .hasMessageContaining("no such column: nope")
                .satisfies(e -> assertThat(((R2dbcException) e).getSql()).isEqualTo("SELECT nope FROM item"));
        assertThat(column(connection, "SELECT 1")).containsExactly(1);
    }

    @Test
    void constraintViolationsAreDataIntegrityViolations() {
        update(connection, "INSERT INTO item (name) VALUES ('a')");
        assertThatThrownBy(() -> update(connection, "INSERT INTO item (name) VALUES ('a')"))
                .isInstanceOf(R2dbcDataIntegrityViolationException.class)
                .hasMessageContaining("UNIQUE constraint failed: item.name")
                .satisfies(e -> assertThat(((R2dbcException) e).getSqlState()).isEqualTo("23505"));
        assertThatThrownBy(() -> update(connection, "INSERT INTO item (qty) VALUES (1)"))
                .isInstanceOf(R2dbcDataIntegrityViolationException.class)
                .hasMessageContaining("NOT NULL constraint failed: item.name")
                .satisfies(e -> assertThat(((R2dbcException) e).getSqlState()).isEqualTo("23502"));
    }

    @Test
    void foreignKeysAreEnforced() {
        update(connection, "CREATE TABLE part (id INTEGER PRIMARY KEY, item_id INTEGER REFERENCES item (id))");
        assertThatThrownBy(() -> update(connection, "INSERT INTO part (item_id) VALUES (99)"))
                .isInstanceOf(R2dbcDataIntegrityViolationException.class)
                .hasMessageContaining("FOREIGN KEY constraint failed")
                .satisfies(e -> assertThat(((R2dbcException) e).getSqlState()).isEqualTo("23503"));
    }

    @Test
    void aFailedWriteInsideATransactionKeepsTheTransaction() {
        reactor.core.publisher.Mono.from(connection.beginTransaction()).block();
        update(connection, "INSERT INTO item (name) VALUES ('a')");
        assertThatThrownBy(() -> update(connection, "INSERT INTO item (name) VALUES ('a')"))
                .isInstanceOf(R2dbcDataIntegrityViolationException.class);
        reactor.core.publisher.Mono.from(connection.commitTransaction()).block();
        assertThat(column(connection, "SELECT name FROM item")).containsExactly("a");
    }

    @Test
    void fetchSizeIsAHint() {
        update(connection, "INSERT INTO item (name) VALUES ('a'), ('b')");
        assertThat(rows(connection.createStatement("SELECT name FROM item ORDER BY name").fetchSize(1), String.class))
                .containsExactly("a", "b");
        assertThatThrownBy(() -> connection.createStatement("SELECT 1").fetchSize(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
