package io.nextorm.internal.execution;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolOptionsTest {

    @Test
    void defaultsBoundEveryWait() {
        PoolOptions defaults = PoolOptions.of(Map.of());
        assertThat(defaults.maxSize()).isEqualTo(10);
        assertThat(defaults.maxAcquireTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.maxValidationTime()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.maxCreateConnectionTime()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void durationsAreReadInSpringAndIsoForms() {
        PoolOptions options = PoolOptions.of(Map.of("pool.maxIdleTime", "5m", "pool.maxAcquireTime", "30s",
                "pool.maxValidationTime", "PT2S", "pool.maxCreateConnectionTime", "1500ms", "pool.maxLifeTime",
                Duration.ofHours(1), "pool.maxSize", "4", "user", "ignored here"));
        assertThat(options.maxIdleTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.maxAcquireTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.maxValidationTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.maxCreateConnectionTime()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.maxLifeTime()).isEqualTo(Duration.ofHours(1));
        assertThat(options.maxSize()).isEqualTo(4);
    }

    @Test
    void aMalformedNumberNamesTheOptionAndTheForm() {
        assertThatThrownBy(() -> PoolOptions.of(Map.of("pool.maxSize", "ten")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pool.maxSize").hasMessageContaining("whole number").hasMessageContaining("'ten'");
    }

    @Test
    void aMalformedDurationNamesTheOptionAndTheForms() {
        assertThatThrownBy(() -> PoolOptions.of(Map.of("pool.maxIdleTime", "five minutes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pool.maxIdleTime").hasMessageContaining("5m").hasMessageContaining("PT5M");
        assertThatThrownBy(() -> PoolOptions.of(Map.of("pool.maxAcquireTime", "0s")))
                .hasMessageContaining("above zero");
    }

    @Test
    void aMisspeltPoolOptionIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> PoolOptions.of(Map.of("pool.maxsize", 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown pool option 'pool.maxsize'")
                .hasMessageContaining("pool.maxSize, pool.initialSize");
    }

    @Test
    void sizesOutOfOrderAreRefused() {
        assertThatThrownBy(() -> PoolOptions.of(Map.of("pool.maxSize", 2, "pool.initialSize", 3)))
                .hasMessageContaining("pool.initialSize <= pool.maxSize");
    }

    @Test
    void bindRefusesAMisspeltOptionBeforeConnecting() {
        assertThatThrownBy(() -> Providers.pool("h2", "mem:opts", Map.of("pool.maxIdle", "5m")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool.maxIdleTime");
    }
}
