package io.nextorm.internal.sqlite;

import io.nextorm.dialect.Dialect;
import io.nextorm.dialect.SqliteDialect;
import io.nextorm.mapping.Column;
import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Index;
import io.nextorm.mapping.Table;
import io.nextorm.query.FunctionCall;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dialect's SQL, run on SQLite through the driver. */
class SqliteDialectTest extends SqliteTestSupport {

    private final Dialect dialect = new SqliteDialect();
    private Connection connection;

    private static Column column(String name, Class<?> type, boolean nullable) {
        return new Column(name, type, nullable, false, 0, 10, 2, false, null);
    }

    private final Table author = new Table("author", List.of(
            new Column("id", Long.class, false, true, 0, 0, 0, false, null),
            column("name", String.class, false), column("best_book_id", Long.class, true),
            column("born", LocalDateTime.class, true), column("seen", Instant.class, true),
            column("fee", BigDecimal.class, true), column("code", UUID.class, true)),
            List.of("id"), List.of(new ForeignKey("fk_author_book", List.of("best_book_id"), "order", List.of("id"))),
            List.of(new Index("ix_author_name", List.of("name"), false), new Index("ux_author_code", List.of("code"), true)));
    private final Table order = new Table("order", List.of(
            new Column("id", Long.class, false, true, 0, 0, 0, false, null),
            column("author_id", Long.class, false), column("title", String.class, false)),
            List.of("id"), List.of(new ForeignKey("fk_order_author", List.of("author_id"), "author", List.of("id"))),
            List.of());

    @BeforeEach
    void createSchema() {
        connection = connect();
        Set<ForeignKey> deferred = Set.of(author.foreignKeys().get(0));
        for (Table table : List.of(author, order)) {
            dialect.createTable(table, deferred).forEach(ddl -> update(connection, ddl));
        }
        update(connection, dialect.addForeignKey(author, author.foreignKeys().get(0)));
    }

    @Test
    void theSchemaIsCreatedWithEveryForeignKey() {
        assertThat(column(connection, dialect.listTablesSql())).containsExactlyInAnyOrder("author", "order");
        assertThat(column(connection, "SELECT \"table\" FROM pragma_foreign_key_list('author')")).containsExactly("order");
        assertThatThrownBy(() -> update(connection, "INSERT INTO \"order\" (author_id, title) VALUES (9, 'x')"))
                .isInstanceOf(R2dbcDataIntegrityViolationException.class);
        assertThat(dialect.createTable(author, Set.of()).get(0)).contains("id INTEGER NOT NULL")
                .contains("born TIMESTAMP(6)").contains("seen TIMESTAMPTZ").contains("fee DECIMAL(10, 2)")
                .contains("code UUID").contains("PRIMARY KEY (id)");
    }

    @Test
    void generatedKeysComeFromRowidThroughReturning() {
        List<Long> keys = Flux.from(connection.createStatement("INSERT INTO author (name) VALUES (?)")
                        .bind(0, "a").add().bind(0, "b").returnGeneratedValues("id").execute())
                .concatMap(result -> result.map(row -> row.get("id", Long.class))).collectList().block();
        assertThat(keys).containsExactly(1L, 2L);
    }

    @Test
    void limitAndOffsetPage() {
        update(connection, "INSERT INTO author (name) VALUES ('a'), ('b'), ('c'), ('d')");
        StringBuilder offsetOnly = new StringBuilder("SELECT name FROM author ORDER BY name");
        dialect.appendLimitOffset(offsetOnly, null, 2L);
        assertThat(column(connection, offsetOnly.toString())).containsExactly("c", "d");
        StringBuilder both = new StringBuilder("SELECT name FROM author ORDER BY name");
        dialect.appendLimitOffset(both, 2L, 1L);
        assertThat(column(connection, both.toString())).containsExactly("b", "c");
    }

    @Test
    void stringAggregationOrdersValuesWithABoundSeparator() {
        update(connection, "INSERT INTO author (name) VALUES ('c'), ('a'), ('b')");
        String sql = "SELECT " + dialect.stringAggregate("name", () -> "?") + " FROM author";
        assertThat(column(connection, sql, " | ")).containsExactly("a | b | c");
    }

    @Test
    void randomAndLengthAreSqliteFunctions() {
        update(connection, "INSERT INTO author (name) VALUES ('héllo')");
        assertThat(column(connection, "SELECT name FROM author ORDER BY " + dialect.randomFunction())).hasSize(1);
        assertThat(column(connection, "SELECT " + dialect.functionName(FunctionCall.Function.LENGTH) + "(name) FROM author"))
                .containsExactly(5);
    }

    @Test
    void likeTakesTheBackslashAsEscapeAndComparesCase() {
        update(connection, "INSERT INTO author (name) VALUES ('50% off'), ('500 off'), ('50% OFF')");
        assertThat(column(connection, "SELECT name FROM author WHERE name LIKE ?" + ((SqliteDialect) dialect).likeEscape(),
                "50\\% off")).containsExactly("50% off");
    }

    @Test
    void textOfExpressionsConvertsToThePropertyType() {
        assertThat(dialect.fromDatabase("2024-01-02", java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(2024, 1, 2));
        assertThat(dialect.fromDatabase("2024-01-02 03:04:05.000006", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000));
        assertThat(dialect.fromDatabase("2024-01-02 03:04:05.000000Z", Instant.class))
                .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(dialect.fromDatabase("12.50", BigDecimal.class)).isEqualTo(new BigDecimal("12.50"));
        assertThat(dialect.fromDatabase("03:04:05", java.time.LocalTime.class)).isEqualTo(java.time.LocalTime.of(3, 4, 5));
        assertThatThrownBy(() -> dialect.fromDatabase("soon", java.time.LocalDate.class))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @Test
    void reservedWordsAndMixedCaseAreQuoted() {
        assertThat(dialect.identifier("order")).isEqualTo("\"order\"");
        assertThat(dialect.identifier("MixedCase")).isEqualTo("\"MixedCase\"");
        assertThat(dialect.identifier("author_id")).isEqualTo("author_id");
        assertThat(dialect.name()).isEqualTo("sqlite");
        assertThat(dialect.parameterMarker(2)).isEqualTo("?");
        assertThat(dialect.acceptsQuestionMarks()).isTrue();
    }

    @Test
    void forUpdateIsRefusedNamingSqlite() {
        assertThatThrownBy(() -> dialect.forUpdate(false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SQLite has no SELECT ... FOR UPDATE").hasMessageContaining("forUpdate()");
        assertThat(dialect.supportsSkipLocked()).isFalse();
    }

    @Test
    void valuesInTheDialectsColumnTypesRoundTrip() {
        UUID code = UUID.randomUUID();
        Instant seen = Instant.parse("2024-05-06T07:08:09.123456Z");
        Flux.from(connection.createStatement("INSERT INTO author (name, born, seen, fee, code) VALUES (?, ?, ?, ?, ?)")
                .bind(0, "a").bind(1, LocalDateTime.of(2000, 1, 2, 3, 4)).bind(2, seen)
                .bind(3, new BigDecimal("19.99")).bind(4, code).execute()).concatMap(Result::getRowsUpdated).blockLast();
        List<Object> row = Flux.from(connection.createStatement("SELECT born, seen, fee, code FROM author").execute())
                .concatMap(result -> result.map(r -> List.of(r.get(0), r.get(1, Instant.class), r.get(2), r.get(3))))
                .blockFirst();
        assertThat(row).containsExactly(LocalDateTime.of(2000, 1, 2, 3, 4), seen, new BigDecimal("19.99"), code);
    }
}
