package io.nextorm.internal.execution;

import io.nextorm.internal.sql.StatementKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Statistics recorded by SQL text land under the statement key, also after a drain or a clear. */
class QueryStatisticsTest {

    private final StatementKeys keys = new StatementKeys();
    private final QueryStatistics statistics = new QueryStatistics();

    @Test
    void textsOfOneKeyCountTogether() {
        statistics.recordSql("SELECT a FROM t WHERE id IN (?, ?)", keys::keyOf, 10);
        statistics.recordSql("SELECT a FROM t WHERE id IN (?, ?, ?)", keys::keyOf, 30);
        statistics.recordSql("SELECT a FROM t WHERE id IN (?, ?)", keys::keyOf, 20);

        assertThat(statistics.snapshot()).containsOnlyKeys("SELECT a FROM t WHERE id IN (?...)");
        assertThat(statistics.snapshot().get("SELECT a FROM t WHERE id IN (?...)").count()).isEqualTo(3);
    }

    @Test
    void aTextRecordedAfterADrainCountsAgainFromZero() {
        statistics.recordSql("SELECT 1", keys::keyOf, 10);
        assertThat(statistics.drain().get("SELECT 1").count()).isEqualTo(1);

        statistics.recordSql("SELECT 1", keys::keyOf, 10);
        statistics.recordSql("SELECT 1", keys::keyOf, 10);

        assertThat(statistics.snapshot().get("SELECT 1").count()).isEqualTo(2);
    }

    @Test
    void aTextRecordedAfterAClearIsKeptAgain() {
        statistics.recordSql("SELECT 1", keys::keyOf, 10);
        statistics.clear();
        assertThat(statistics.snapshot()).isEmpty();

        statistics.recordSql("SELECT 1", keys::keyOf, 10);

        assertThat(statistics.snapshot().get("SELECT 1").count()).isEqualTo(1);
    }
}
