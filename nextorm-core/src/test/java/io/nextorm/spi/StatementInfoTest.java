package io.nextorm.spi;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class StatementInfoTest {

    @Test
    void equalPartsMakeEqualValuesThatCannotChange() {
        StatementInfo one = new StatementInfo("SELECT 1", "SELECT 1", "select", null, Duration.ofMillis(3), 1, null);
        StatementInfo two = new StatementInfo("SELECT 1", "SELECT 1", "select", null, Duration.ofMillis(3), 1, null);
        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(StatementInfo.class.isRecord()).isTrue();
        assertThat(StatementInfo.class.getDeclaredFields()).allSatisfy(field ->
                assertThat(java.lang.reflect.Modifier.isFinal(field.getModifiers())).isTrue());
        assertThat(one.toString()).contains("select", "SELECT 1", "1 rows").doesNotContain("failed");
    }

    @Test
    void aFailedStatementSaysSo() {
        StatementInfo failed = new StatementInfo("DELETE FROM x", "DELETE FROM x", "delete", "X", Duration.ZERO, 0,
                new IllegalStateException("gone"));
        assertThat(failed.failed()).isTrue();
        assertThat(failed.toString()).contains("failed: IllegalStateException");
    }

    @Test
    void missingOrNegativePartsAreRefused() {
        assertThatNullPointerException().isThrownBy(() -> new StatementInfo(null, "k", "select", null, Duration.ZERO, 0, null))
                .withMessageContaining("SQL");
        assertThatNullPointerException().isThrownBy(() -> new StatementInfo("s", "k", "select", null, null, 0, null))
                .withMessageContaining("duration");
        assertThatIllegalArgumentException().isThrownBy(() -> new StatementInfo("s", "k", "select", null, Duration.ZERO, -1, null))
                .withMessageContaining("rows");
    }
}
