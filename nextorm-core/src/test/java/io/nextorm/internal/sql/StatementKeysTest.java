package io.nextorm.internal.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementKeysTest {

    @Test
    void inListsOfQuestionMarksCollapse() {
        assertThat(StatementKeys.normalize("SELECT a FROM t WHERE id IN (?, ?, ?) AND b = ?"))
                .isEqualTo("SELECT a FROM t WHERE id IN (?...) AND b = ?");
        assertThat(StatementKeys.normalize("SELECT a FROM t WHERE id IN (?)"))
                .isEqualTo(StatementKeys.normalize("SELECT a FROM t WHERE id IN (?, ?)"));
    }

    @Test
    void numberedMarkersAfterAnInListAreRenumbered() {
        String two = StatementKeys.normalize("SELECT a FROM t WHERE c = $1 AND id IN ($2, $3) AND b = $4");
        String four = StatementKeys.normalize("SELECT a FROM t WHERE c = $1 AND id IN ($2, $3, $4, $5) AND b = $6");
        assertThat(two).isEqualTo(four).isEqualTo("SELECT a FROM t WHERE c = $1 AND id IN ($2...) AND b = $3");
    }

    @Test
    void statementsWithoutInListsAreTheirOwnKey() {
        String sql = "UPDATE t SET a = $1 WHERE id = $2";
        assertThat(new StatementKeys().keyOf(sql)).isSameAs(sql);
        assertThat(StatementKeys.normalize("SELECT 'IN (x)' FROM t")).isEqualTo("SELECT 'IN (x)' FROM t");
    }
}
