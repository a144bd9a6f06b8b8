package io.nextorm.benchmarks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report read from a JMH JSON result as JMH writes it.
 */
class BenchmarkReportTest {

    private static final String JSON = """
            [
              {"benchmark": "io.nextorm.benchmarks.FetchBenchmark.nextorm", "params": {"database": "h2"},
               "primaryMetric": {"score": 12.0, "scoreError": 0.5, "scoreUnit": "ms/op"}},
              {"benchmark": "io.nextorm.benchmarks.FetchBenchmark.raw", "params": {"database": "h2"},
               "primaryMetric": {"score": 10.0, "scoreError": 0.25, "scoreUnit": "ms/op"}},
              {"benchmark": "io.nextorm.benchmarks.FetchBenchmark.springTemplate", "params": {"database": "h2"},
               "primaryMetric": {"score": 40.0, "scoreError": "NaN", "scoreUnit": "ms/op"}},
              {"benchmark": "io.nextorm.benchmarks.FetchBenchmark.raw", "params": {"database": "postgres"},
               "primaryMetric": {"score": 20.0, "scoreError": 1.0, "scoreUnit": "ms/op"}}
            ]
            """;

    @Test
    void ratioDividesNextormsTimeByTheBaselines() {
        BenchmarkReport report = BenchmarkReport.parse(JSON);

        assertThat(report.ratio("fetch", "nextorm", "raw", "h2")).isCloseTo(1.2, within(1e-9));
        assertThat(report.ratio("fetch", "nextorm", "springTemplate", "h2")).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void ratioIsNaNWhenASideDidNotRun() {
        assertThat(BenchmarkReport.parse(JSON).ratio("fetch", "nextorm", "raw", "postgres")).isNaN();
    }

    @Test
    void renderListsScoresAndRatiosPerDatabase() {
        String text = BenchmarkReport.parse(JSON).render();

        assertThat(text)
                .contains("| scenario | side | h2 | postgres |")
                .contains("| fetch | raw | 10.00 ± 0.25 ms/op | 20.00 ± 1.00 ms/op |")
                .contains("| fetch | nextorm / raw | 1.20 | - |")
                .contains("| fetch | nextorm / springTemplate | 0.30 | - |");
    }

    private static final String STREAM = """
            [
              {"benchmark": "io.nextorm.benchmarks.StreamBenchmark.nextorm", "params": {"database": "postgres", "rows": "100000"},
               "primaryMetric": {"score": 300.0, "scoreError": "NaN", "scoreUnit": "ms/op"},
               "secondaryMetrics": {"\u00b7heap.peakLive": {"score": 12.5, "scoreError": "NaN", "scoreUnit": "MB"},
                                    "\u00b7gc.count": {"score": 3.0, "scoreError": "NaN", "scoreUnit": "counts"}}}
            ]
            """;

    @Test
    void scenarioNamesCarryTheParametersOtherThanTheDatabase() {
        BenchmarkReport report = BenchmarkReport.parse(JSON, STREAM);

        assertThat(report.ratio("fetch", "nextorm", "raw", "h2")).isCloseTo(1.2, within(1e-9));
        assertThat(report.render())
                .contains("| scenario | side | h2 | postgres |")
                .contains("| stream rows=100000 | nextorm | - | 300.00 ms/op |");
    }

    @Test
    void renderListsThePeakLiveHeapAndNoOtherSecondaryMetric() {
        String text = BenchmarkReport.parse(STREAM).render();

        assertThat(text).contains("### Peak live heap").contains("| stream rows=100000 | nextorm | 12.50 MB |")
                .doesNotContain("gc.count").doesNotContain("Bytes allocated");
    }

    @Test
    void mergeJoinsTheResultsOfSeveralPasses() {
        String merged = BenchmarkReport.merge(JSON, STREAM);

        assertThat(BenchmarkReport.parse(merged).render()).isEqualTo(BenchmarkReport.parse(JSON, STREAM).render());
    }
}
