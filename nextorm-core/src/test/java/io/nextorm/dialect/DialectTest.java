package io.nextorm.dialect;

import io.nextorm.internal.mapping.SupportedTypes;
import io.nextorm.mapping.Column;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialectTest {

    private final Dialect h2 = new H2Dialect();
    private final Dialect postgres = new PostgresDialect();
    private final Dialect mariadb = new MariaDbDialect();

    @Test
    void everyDialectHasAColumnTypeForEveryTypeOfTheSupportedTypesTable() throws ClassNotFoundException {
        for (String name : SupportedTypes.columnTypes().keySet()) {
            Class<?> type = name.equals("byte[]") ? byte[].class : Class.forName(name);
            for (Dialect dialect : new Dialect[]{h2, postgres, mariadb}) {
                Column column = new Column("c", type, false, false, 0, 0, 0, false, null);
                assertThat(dialect.columnType(column)).as(dialect.name() + " " + name).isNotBlank();
            }
        }
    }

    @Test
    void aTypeOutsideTheTableHasNoColumnType() {
        Column column = new Column("c", java.math.BigInteger.class, false, false, 0, 0, 0, false, null);
        assertThatThrownBy(() -> h2.columnType(column)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.math.BigInteger");
    }

    @Test
    void plainNamesStayUnquoted() {
        for (Dialect dialect : new Dialect[]{h2, postgres, mariadb}) {
            assertThat(dialect.identifier("article")).isEqualTo("article");
            assertThat(dialect.identifier("author_id")).isEqualTo("author_id");
        }
    }

    @Test
    void reservedWordsAreQuotedInEachDialectsWay() {
        assertThat(h2.identifier("order")).isEqualTo("\"ORDER\"");
        assertThat(postgres.identifier("order")).isEqualTo("\"order\"");
        assertThat(mariadb.identifier("order")).isEqualTo("`order`");
        assertThat(h2.identifier("user")).isEqualTo("\"USER\"");
        assertThat(mariadb.identifier("user")).isEqualTo("user");
        assertThat(h2.identifier("value")).isEqualTo("\"VALUE\"");
        assertThat(postgres.identifier("value")).isEqualTo("value");
    }

    @Test
    void namesThatAreNotLowerSnakeCaseAreQuoted() {
        assertThat(postgres.identifier("MixedCase")).isEqualTo("\"MixedCase\"");
        assertThat(mariadb.identifier("with space")).isEqualTo("`with space`");
        assertThat(postgres.identifier("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    @Test
    void parameterMarkersFollowTheDriver() {
        assertThat(h2.parameterMarker(3)).isEqualTo("?");
        assertThat(mariadb.parameterMarker(3)).isEqualTo("?");
        assertThat(postgres.parameterMarker(3)).isEqualTo("$3");
    }

    @Test
    void columnTypesDifferWhereTheDatabasesDo() {
        Column text = new Column("t", String.class, false, false, -1, 0, 0, false, null);
        assertThat(h2.columnType(text)).isEqualTo("CHARACTER VARYING");
        assertThat(postgres.columnType(text)).isEqualTo("TEXT");
        assertThat(mariadb.columnType(text)).isEqualTo("LONGTEXT");
        Column uuid = new Column("u", UUID.class, false, false, 0, 0, 0, false, null);
        assertThat(postgres.columnType(uuid)).isEqualTo("UUID");
        assertThat(mariadb.columnType(uuid)).isEqualTo("CHAR(36)");
        Column bounded = new Column("s", String.class, false, false, 80, 0, 0, false, null);
        assertThat(mariadb.columnType(bounded)).isEqualTo("VARCHAR(80)");
    }

    @Test
    void mariaDbStoresInstantsAsUtcDateTimes() {
        Instant instant = Instant.parse("2024-01-01T10:00:00Z");
        assertThat(mariadb.toDatabase(instant)).isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0));
        assertThat(mariadb.fromDatabase(LocalDateTime.of(2024, 1, 1, 10, 0), Instant.class)).isEqualTo(instant);
    }

    @Test
    void unconvertibleValuesAreRefusedWithTheTypes() {
        assertThatThrownBy(() -> h2.fromDatabase(new Object(), UUID.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.UUID");
    }

    @Test
    void integerConversionsAreExact() {
        Dialect dialect = new H2Dialect();
        assertThat(dialect.fromDatabase(new java.math.BigDecimal("42"), Long.class)).isEqualTo(42L);
        assertThat(dialect.fromDatabase(7L, Integer.class)).isEqualTo(7);
        assertThat(dialect.fromDatabase(3, Short.class)).isEqualTo((short) 3);
        assertThatThrownBy(() -> dialect.fromDatabase(1.5, Long.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
        assertThatThrownBy(() -> dialect.fromDatabase(70_000, Short.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Short");
        assertThatThrownBy(() -> dialect.fromDatabase(Long.MAX_VALUE, Integer.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void h2ReadsNumberFieldsAsNumbersAndTheRestAsBefore() {
        assertThat(h2.readType(Long.class)).isEqualTo(Number.class);
        assertThat(h2.readType(Short.class)).isEqualTo(Number.class);
        assertThat(h2.readType(java.math.BigDecimal.class)).isEqualTo(Number.class);
        assertThat(h2.readType(LocalDateTime.class)).isEqualTo(Object.class);
        assertThat(h2.readType(Boolean.class)).isEqualTo(Object.class);
        assertThat(h2.readType(String.class)).isEqualTo(postgres.readType(String.class));
        assertThat(mariadb.readType(Long.class)).isEqualTo(Object.class);
    }
}
