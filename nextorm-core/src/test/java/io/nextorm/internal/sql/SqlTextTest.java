package io.nextorm.internal.sql;

import io.nextorm.dialect.MariaDbDialect;
import io.nextorm.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTextTest {

    @Test
    void markersAreNumberedInTheOrderTheyAreWritten() {
        PostgresDialect dialect = new PostgresDialect();
        SqlText sql = new SqlText(dialect).append("SELECT ").identifiers("t.", List.of("a", "b")).append(" WHERE ")
                .equalsMarker("a").append(" AND b IN (").markers(3).append(")");
        assertThat(sql.toString()).isEqualTo("SELECT t." + dialect.identifier("a") + ", t." + dialect.identifier("b")
                + " WHERE " + dialect.identifier("a") + " = $1 AND b IN ($2, $3, $4)");
    }

    @Test
    void aDriverWithQuestionMarksGetsThem() {
        assertThat(new SqlText(new MariaDbDialect()).markers(2).toString()).isEqualTo("?, ?");
    }

    @Test
    void noMarkersWriteNothing() {
        assertThat(new SqlText(new PostgresDialect()).markers(0).toString()).isEmpty();
    }
}
