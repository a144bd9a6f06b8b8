package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.RowMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteTypesTest extends SqliteTestSupport {

    private Connection connection;

    @BeforeEach
    void createTable() {
        connection = connect();
        update(connection, "CREATE TABLE v (s VARCHAR(20), i INTEGER, l BIGINT, sh SMALLINT, ti TINYINT, b BOOLEAN,"
                + " d DOUBLE, f REAL, m DECIMAL(10, 2), bin BLOB, dt DATE, ts TIMESTAMP(6), tm TIME(6), tz TIMESTAMPTZ,"
                + " u UUID, n NUMERIC)");
    }

    private <T> T roundTrip(String column, Object value, Class<T> type) {
        update(connection, "DELETE FROM v");
        update(connection, "INSERT INTO v (" + column + ") VALUES (?)", value);
        return value(connection, "SELECT " + column + " FROM v", type);
    }

    private String stored(String column) {
        return value(connection, "SELECT typeof(" + column + ") || ':' || " + column + " FROM v", String.class);
    }

    @Test
    void numbersRoundTrip() {
        assertThat(roundTrip("i", 7, Integer.class)).isEqualTo(7);
        assertThat(roundTrip("l", Long.MAX_VALUE, Long.class)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip("sh", (short) -3, Short.class)).isEqualTo((short) -3);
        assertThat(roundTrip("ti", (byte) 9, Byte.class)).isEqualTo((byte) 9);
        assertThat(roundTrip("d", 2.5d, Double.class)).isEqualTo(2.5d);
        assertThat(roundTrip("f", 1.1f, Float.class)).isEqualTo(1.1f);
        assertThat(stored("f")).isEqualTo("real:1.1");
        assertThat(roundTrip("i", 7, Long.class)).isEqualTo(7L);
        assertThat(roundTrip("i", 7, String.class)).isEqualTo("7");
    }

    @Test
    void booleansAreStoredAsZeroAndOne() {
        assertThat(roundTrip("b", true, Boolean.class)).isTrue();
        assertThat(stored("b")).isEqualTo("integer:1");
        assertThat(roundTrip("b", false, Boolean.class)).isFalse();
    }

    @Test
    void decimalsKeepTheirValueAndCompareAsNumbers() {
        assertThat(roundTrip("m", new BigDecimal("12.50"), BigDecimal.class)).isEqualByComparingTo("12.5");
        assertThat(roundTrip("m", new BigDecimal("3"), BigDecimal.class)).isEqualByComparingTo("3");
        update(connection, "DELETE FROM v");
        update(connection, "INSERT INTO v (m) VALUES (?), (?), (?)", new BigDecimal("9.5"), new BigDecimal("10.25"),
                new BigDecimal("100"));
        assertThat(column(connection, "SELECT m FROM v WHERE m > ? ORDER BY m", new BigDecimal("9.75")))
                .containsExactly(new BigDecimal("10.25"), new BigDecimal("100"));
    }

    @Test
    void textAndBytesRoundTrip() {
        assertThat(roundTrip("s", "héllo 'x'; \"y\"", String.class)).isEqualTo("héllo 'x'; \"y\"");
        assertThat(roundTrip("bin", new byte[] {1, 2, 3}, byte[].class)).containsExactly(1, 2, 3);
        assertThat(roundTrip("bin", ByteBuffer.wrap(new byte[] {4, 5}), ByteBuffer.class))
                .isEqualTo(ByteBuffer.wrap(new byte[] {4, 5}));
        assertThat(stored("typeof(bin)")).isEqualTo("text:blob");
    }

    @Test
    void temporalValuesAreStoredAsSortableText() {
        LocalDate date = LocalDate.of(2024, 1, 31);
        assertThat(roundTrip("dt", date, LocalDate.class)).isEqualTo(date);
        assertThat(stored("dt")).isEqualTo("text:2024-01-31");
        LocalDateTime dateTime = LocalDateTime.of(2024, 1, 31, 13, 45, 7, 123_456_789);
        assertThat(roundTrip("ts", dateTime, LocalDateTime.class)).isEqualTo(dateTime.withNano(123_456_000));
        assertThat(stored("ts")).isEqualTo("text:2024-01-31 13:45:07.123456");
        LocalTime time = LocalTime.of(9, 5, 1, 500_000);
        assertThat(roundTrip("tm", time, LocalTime.class)).isEqualTo(time);
        assertThat(stored("tm")).isEqualTo("text:09:05:01.000500");
    }

    @Test
    void instantsAndOffsetsAreStoredInUtc() {
        Instant instant = Instant.parse("2024-06-01T10:15:30.654321Z");
        assertThat(roundTrip("tz", instant, Instant.class)).isEqualTo(instant);
        assertThat(stored("tz")).isEqualTo("text:2024-06-01 10:15:30.654321Z");
        OffsetDateTime offset = OffsetDateTime.of(2024, 6, 1, 12, 15, 30, 0, ZoneOffset.ofHours(2));
        assertThat(roundTrip("tz", offset, OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2024, 6, 1, 10, 15, 30, 0, ZoneOffset.UTC));
        assertThat(value(connection, "SELECT datetime(tz) FROM v", String.class)).isEqualTo("2024-06-01 10:15:30");
    }

    @Test
    void sqliteDateTextReadsAsTemporalValues() {
        assertThat(value(connection, "SELECT '2024-02-03 04:05:06'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 2, 3, 4, 5, 6));
        assertThat(value(connection, "SELECT '2024-02-03T04:05:06+01:00'", Instant.class))
                .isEqualTo(Instant.parse("2024-02-03T03:05:06Z"));
        assertThat(value(connection, "SELECT '2024-02-03'", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 2, 3, 0, 0));
    }

    @Test
    void uuidsAreStoredAsText() {
        UUID uuid = UUID.randomUUID();
        assertThat(roundTrip("u", uuid, UUID.class)).isEqualTo(uuid);
        assertThat(stored("u")).isEqualTo("text:" + uuid);
    }

    @Test
    void enumsAreStoredByName() {
        assertThat(roundTrip("s", R2dbcType.DATE, String.class)).isEqualTo("DATE");
        assertThat(value(connection, "SELECT s FROM v", R2dbcType.class)).isEqualTo(R2dbcType.DATE);
    }

    @Test
    void getWithoutAClassFollowsTheDeclaredType() {
        update(connection, "INSERT INTO v (s, i, l, b, d, m, bin, dt, ts, tz, u, n) VALUES ('a', 1, 2, 1, 0.5, '1.25',"
                + " x'0102', '2024-01-02', '2024-01-02 03:04:05', '2024-01-02 03:04:05Z', '" + new UUID(0, 1) + "', 5)");
        List<Object> values = Flux.from(connection.createStatement("SELECT s, i, l, b, d, m, bin, dt, ts, tz, u, n,"
                        + " 1 + 1 FROM v").execute())
                .concatMap(result -> result.map((row, metadata) -> {
                    Object[] all = new Object[metadata.getColumnMetadatas().size()];
                    for (int i = 0; i < all.length; i++) {
                        all[i] = row.get(i);
                    }
                    return List.of(all);
                })).blockFirst();
        assertThat(values).containsExactly("a", 1, 2L, true, 0.5d, new BigDecimal("1.25"),
                ByteBuffer.wrap(new byte[] {1, 2}), LocalDate.of(2024, 1, 2), LocalDateTime.of(2024, 1, 2, 3, 4, 5),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), new UUID(0, 1), 5, 2);
    }

    @Test
    void columnMetadataNamesTheDeclaredTypes() {
        update(connection, "INSERT INTO v (i) VALUES (1)");
        RowMetadata metadata = Flux.from(connection.createStatement("SELECT i AS Id, l, ts, tz FROM v").execute())
                .concatMap(result -> result.map((row, rowMetadata) -> rowMetadata)).blockFirst();
        assertThat(metadata.getColumnMetadata(0).getName()).isEqualTo("Id");
        assertThat(metadata.getColumnMetadata("id").getJavaType()).isEqualTo(Integer.class);
        assertThat(metadata.getColumnMetadata("L").getType()).isEqualTo(R2dbcType.BIGINT);
        assertThat(metadata.getColumnMetadata("ts").getJavaType()).isEqualTo(LocalDateTime.class);
        assertThat(metadata.getColumnMetadata("tz").getJavaType()).isEqualTo(OffsetDateTime.class);
        assertThat(metadata.getColumnMetadata("ts").getNativeTypeMetadata()).isEqualTo("TIMESTAMP");
        assertThat(metadata.contains("ID")).isTrue();
        assertThat(metadata.contains("nope")).isFalse();
        RowMetadata finalMetadata = metadata;
        assertThatThrownBy(() -> finalMetadata.getColumnMetadata(4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("4 column(s)");
        assertThatThrownBy(() -> finalMetadata.getColumnMetadata("nope"))
                .isInstanceOf(java.util.NoSuchElementException.class).hasMessageContaining("[Id, l, ts, tz]");
    }

    @Test
    void nullsReadAsNullAndBindNullTakesAnyType() {
        update(connection, "INSERT INTO v (s) VALUES ('x')");
        var statement = connection.createStatement("UPDATE v SET i = ?, ts = ?");
        statement.bindNull(0, Integer.class).bindNull(1, LocalDateTime.class);
        Flux.from(statement.execute()).concatMap(io.r2dbc.spi.Result::getRowsUpdated).blockLast();
        assertThat(value(connection, "SELECT typeof(i) || typeof(ts) FROM v", String.class)).isEqualTo("nullnull");
        List<Object> nulls = Flux.from(connection.createStatement("SELECT i, ts FROM v").execute())
                .concatMap(result -> result.map(row -> java.util.Arrays.asList(row.get(0, Integer.class), row.get("ts"))))
                .blockFirst();
        assertThat(nulls).containsExactly(null, null);
    }

    @Test
    void aValueThatCannotBeConvertedFailsWithTheColumnAndClass() {
        update(connection, "INSERT INTO v (s) VALUES ('not a number')");
        assertThatThrownBy(() -> value(connection, "SELECT s FROM v", Integer.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column \"s\"").hasMessageContaining("TEXT 'not a number'")
                .hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> value(connection, "SELECT 3000000000", Integer.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Integer");
    }

    @Test
    void anUnsupportedValueIsRefusedAtBind() {
        var statement = connection.createStatement("INSERT INTO v (s) VALUES (?)");
        assertThatThrownBy(() -> statement.bind(0, new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot bind a java.lang.Object");
    }
}
