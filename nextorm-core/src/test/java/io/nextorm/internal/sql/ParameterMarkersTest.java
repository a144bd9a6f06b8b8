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

    @Test
    void postgresEscapeStringsTakeBackslashes() {
        assertThat(ParameterMarkers.count("SELECT E'\\'?', ?", ParameterMarkers.Syntax.POSTGRES)).isEqualTo(1);
        assertThat(ParameterMarkers.count("SELECT e'a\\'?' , ?", ParameterMarkers.Syntax.POSTGRES)).isEqualTo(1);
        // a plain string ends at the quote after the backslash
        assertThat(ParameterMarkers.count("SELECT 'C:\\', ?", ParameterMarkers.Syntax.POSTGRES)).isEqualTo(1);
    }

    @Test
    void postgresBlockCommentsNest() {
        assertThat(ParameterMarkers.count("/* a /* b? */ c? */ SELECT ?", ParameterMarkers.Syntax.POSTGRES)).isEqualTo(1);
        assertThat(ParameterMarkers.count("/* a /* b */ SELECT ?", ParameterMarkers.Syntax.MARIADB)).isEqualTo(1);
    }

    @Test
    void mariaDbHashCommentsRunToTheEndOfTheLine() {
        assertThat(ParameterMarkers.count("SELECT 1 # what?\n, ?", ParameterMarkers.Syntax.MARIADB)).isEqualTo(1);
        assertThat(ParameterMarkers.count("SELECT 1 # ?\n", ParameterMarkers.Syntax.POSTGRES)).isEqualTo(1);
    }

    @Test
    void aDoubledQuestionMarkIsALiteralQuestionMark() {
        assertThat(ParameterMarkers.rewrite("SELECT data ?? 'a', ?, '??'", ParameterMarkers.Syntax.POSTGRES, n -> "$" + n))
                .isEqualTo("SELECT data ? 'a', $1, '??'");
        assertThat(ParameterMarkers.count("SELECT data ??| ?", ParameterMarkers.Syntax.POSTGRES)).isEqualTo(1);
        assertThat(ParameterMarkers.hasEscapes("SELECT '??'", ParameterMarkers.Syntax.STANDARD)).isFalse();
        assertThat(ParameterMarkers.hasEscapes("SELECT a ?? b", ParameterMarkers.Syntax.STANDARD)).isTrue();
    }

    @Test
    void dollarQuotesAreNotMariaDbs() {
        assertThat(ParameterMarkers.count("SELECT $$ ? $$", ParameterMarkers.Syntax.MARIADB)).isEqualTo(1);
    }
}
