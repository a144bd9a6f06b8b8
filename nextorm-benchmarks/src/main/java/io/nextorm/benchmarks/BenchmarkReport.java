package io.nextorm.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JMH JSON result ({@code -rf json -rff target/jmh.json}) and prints, as Markdown, every
 * score per scenario and database, then nextorm's time divided by every other side's in the same
 * scenario (below 1: nextorm is faster).
 *
 * <pre>{@code
 * java -cp nextorm-benchmarks/target/benchmarks.jar io.nextorm.benchmarks.BenchmarkReport target/jmh.json
 * }</pre>
 *
 * A benchmark method whose name starts with {@code nextorm} is a nextorm side; every other method
 * of its class is a baseline.
 */
public final class BenchmarkReport {

    private static final String NEXTORM = "nextorm";

    private final Map<String, Map<String, Map<String, Score>>> scores;
    private final Set<String> databases;

    private BenchmarkReport(Map<String, Map<String, Map<String, Score>>> scores, Set<String> databases) {
        this.scores = scores;
        this.databases = databases;
    }

    /**
     * Prints the report of a JMH JSON result file.
     *
     * @param args the result file; {@code target/jmh.json} when none is given
     * @throws Exception when the file cannot be read
     */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/jmh.json");
        System.out.print(parse(Files.readString(file)).render());
    }

    /**
     * Reads the results of a JMH JSON document.
     *
     * @param json the document: an array of results, as JMH writes it
     * @return the report
     */
    public static BenchmarkReport parse(String json) {
        Map<String, Map<String, Map<String, Score>>> scores = new LinkedHashMap<>();
        Set<String> databases = new LinkedHashSet<>();
        for (JsonNode result : JsonMapper.shared().readTree(json)) {
            String benchmark = result.path("benchmark").asString();
            int dot = benchmark.lastIndexOf('.');
            String scenario = scenarioName(benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot));
            String method = benchmark.substring(dot + 1);
            String database = result.path("params").path("database").asString("");
            JsonNode metric = result.path("primaryMetric");
            databases.add(database);
            scores.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                    .computeIfAbsent(method, m -> new LinkedHashMap<>())
                    .put(database, new Score(number(metric.path("score")), number(metric.path("scoreError")),
                            metric.path("scoreUnit").asString()));
        }
        return new BenchmarkReport(scores, databases);
    }

    /**
     * nextorm's time divided by a baseline's.
     *
     * @param scenario the scenario ({@code fetch}, {@code getById}, {@code insert})
     * @param nextormMethod the nextorm method
     * @param baseline the other method
     * @param database the database
     * @return the ratio, or NaN when either is missing
     */
    public double ratio(String scenario, String nextormMethod, String baseline, String database) {
        Map<String, Map<String, Score>> methods = scores.getOrDefault(scenario, Map.of());
        Score nextorm = methods.getOrDefault(nextormMethod, Map.of()).get(database);
        Score other = methods.getOrDefault(baseline, Map.of()).get(database);
        return nextorm == null || other == null ? Double.NaN : nextorm.value() / other.value();
    }

    /**
     * The report as Markdown: a table of scores and a table of ratios.
     *
     * @return the text
     */
    public String render() {
        StringBuilder out = new StringBuilder();
        String header = String.join(" | ", databases);
        String rule = "|---|---|" + "---:|".repeat(databases.size()) + "\n";
        out.append("### Time per operation\n\n| scenario | side | ").append(header).append(" |\n").append(rule);
        scores.forEach((scenario, methods) -> methods.forEach((method, byDatabase) -> {
            out.append("| ").append(scenario).append(" | ").append(method).append(" |");
            for (String database : databases) {
                Score score = byDatabase.get(database);
                out.append(' ').append(score == null ? "-" : score.format()).append(" |");
            }
            out.append('\n');
        }));
        out.append("\n### nextorm's time divided by the other side's (below 1: nextorm is faster)\n\n")
                .append("| scenario | ratio | ").append(header).append(" |\n").append(rule);
        scores.forEach((scenario, methods) -> {
            for (String nextorm : methods.keySet()) {
                if (!nextorm.startsWith(NEXTORM)) {
                    continue;
                }
                for (String baseline : baselines(methods.keySet())) {
                    out.append("| ").append(scenario).append(" | ").append(nextorm).append(" / ").append(baseline).append(" |");
                    for (String database : databases) {
                        double ratio = ratio(scenario, nextorm, baseline, database);
                        out.append(' ').append(Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio)).append(" |");
                    }
                    out.append('\n');
                }
            }
        });
        return out.toString();
    }

    /** JMH writes a number, or the string {@code "NaN"} for an error it could not compute. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asString("NaN"));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String> baselines(Set<String> methods) {
        List<String> baselines = new ArrayList<>();
        for (String method : methods) {
            if (!method.startsWith(NEXTORM)) {
                baselines.add(method);
            }
        }
        return baselines;
    }

    private static String scenarioName(String benchmarkClass) {
        String name = benchmarkClass.endsWith("Benchmark")
                ? benchmarkClass.substring(0, benchmarkClass.length() - "Benchmark".length()) : benchmarkClass;
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private record Score(double value, double error, String unit) {
        String format() {
            return Double.isNaN(error)
                    ? String.format(Locale.ROOT, "%.2f %s", value, unit)
                    : String.format(Locale.ROOT, "%.2f ± %.2f %s", value, error, unit);
        }
    }
}
