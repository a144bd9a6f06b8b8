package io.nextorm.internal.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterMarkersTest {

    @Test
    void markersAreNumberedInTextOrder() {
        assertThat(ParameterMarkers.rewrite("SELECT * FROM t WHERE a = ? AND b IN (?, ?)", false, n -> "$" + n))
                .isEqualTo("SELECT * FROM t WHERE a = $1 AND b IN ($2, $3)");
    }

    @Test
    void markersInLiteralsIdentifiersAndCommentsAreLeftAlone() {
        String sql = "SELECT '?', \"a?\", `b?` -- ?\n FROM t /* ? */ WHERE x = ? AND y = 'it''s ?'";
        assertThat(ParameterMarkers.count(sql, false)).isEqualTo(1);
        assertThat(ParameterMarkers.rewrite(sql, false, n -> "$" + n)).endsWith("WHERE x = $1 AND y = 'it''s ?'");
    }

    @Test
    void dollarQuotedBodiesAreLeftAlone() {
        assertThat(ParameterMarkers.count("SELECT $$ ? $$, $tag$ ? $tag$, ?", false)).isEqualTo(1);
    }

    @Test
    void backslashEscapesOnlyWhereTheDatabaseSaysSo() {
        String sql = "SELECT 'C:\\' , ?";
        assertThat(ParameterMarkers.count(sql, false)).isEqualTo(1);
        assertThat(ParameterMarkers.count("SELECT 'a\\'?' , ?", true)).isEqualTo(1);
    }
}
