package io.nextorm.dialect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DriverMessagesTest {

    @Test
    void h2ValuesAreRemovedAndTheIndexKept() {
        String message = "Unique index or primary key violation: \"PUBLIC.CONSTRAINT_INDEX_7 ON PUBLIC.AUTHOR(NAME) "
                + "VALUES ( /* 1 */ 'ann' )\"; SQL statement:";
        assertThat(new H2Dialect().redactValues(message))
                .isEqualTo("Unique index or primary key violation: \"PUBLIC.CONSTRAINT_INDEX_7 ON PUBLIC.AUTHOR(NAME) "
                        + "VALUES ( /* 1 */ ? )\"; SQL statement:");
        assertThat(new H2Dialect().redactValues("VALUES ( /* 1 */ 42, /* 2 */ 'x' )")).isEqualTo("VALUES ( /* 1 */ ?, /* 2 */ ? )");
    }

    @Test
    void mariaDbValuesAreRemovedAndKeyAndColumnNamesKept() {
        MariaDbDialect dialect = new MariaDbDialect();
        assertThat(dialect.redactValues("Duplicate entry 'ann' for key 'name'")).isEqualTo("Duplicate entry ? for key 'name'");
        assertThat(dialect.redactValues("Duplicate entry 'a\\'b' for key 'name'")).isEqualTo("Duplicate entry ? for key 'name'");
        assertThat(dialect.redactValues("Data too long for column 'x' at row 1")).isEqualTo("Data too long for column 'x' at row 1");
        assertThat(dialect.redactValues("Incorrect integer value: 'abc' for column `t`.`x` at row 1"))
                .isEqualTo("Incorrect integer value: ? for column `t`.`x` at row 1");
    }

    @Test
    void postgresValuesAreRemovedAndConstraintNamesKept() {
        PostgresDialect dialect = new PostgresDialect();
        assertThat(dialect.redactValues("duplicate key value violates unique constraint \"author_name_key\""))
                .isEqualTo("duplicate key value violates unique constraint \"author_name_key\"");
        assertThat(dialect.redactValues("invalid input syntax for type integer: \"abc\""))
                .isEqualTo("invalid input syntax for type integer: ?");
        assertThat(dialect.redactValues("Key (name)=(ann) already exists.")).isEqualTo("Key (name)=(?) already exists.");
    }

    @Test
    void nothingToRedactIsLeftAlone() {
        assertThat(new H2Dialect().redactValues(null)).isNull();
        assertThat(new H2Dialect().redactValues("Table \"X\" not found")).isEqualTo("Table \"X\" not found");
    }
}
