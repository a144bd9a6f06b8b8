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
 * Reads JMH JSON results ({@code -rf json -rff target/jmh.json}) and prints, as Markdown, every
 * score per scenario and database, then nextorm's time divided by every other side's in the same
 * scenario (below 1: nextorm is faster), then the peak live heap and the bytes allocated per
 * operation where the run had the profilers that measure them.
 *
 * <pre>{@code
 * java -cp nextorm-benchmarks/target/benchmarks.jar io.nextorm.benchmarks.BenchmarkReport target/jmh.json
 * java -cp nextorm-benchmarks/target/benchmarks.jar io.nextorm.benchmarks.BenchmarkReport \
 *      --merge target/jmh-all.json target/jmh-r2dbc.json target/jmh-vertx.json
 * }</pre>
 *
 * A benchmark method whose name starts with {@code nextorm} is a nextorm side; every other method
 * of its class is a baseline.
 */
public final class BenchmarkReport {

    private static final String NEXTORM = "nextorm";

    /** The secondary metrics reported, by name (JMH's leading dot removed), with their heading. */
    private static final Map<String, String> SECONDARY = Map.of(
            "heap.peakLive", "Peak live heap (MB above the heap live before the pass; `-prof io.nextorm.benchmarks.HeapProfiler`)",
            "gc.alloc.rate.norm", "Bytes allocated per operation (`-prof gc`)");

    private final Map<String, Map<String, Map<String, Score>>> scores;
    private final Map<String, Map<String, Map<String, Score>>> secondary;
    private final Set<String> databases;

    private BenchmarkReport(Map<String, Map<String, Map<String, Score>>> scores,
                            Map<String, Map<String, Map<String, Score>>> secondary, Set<String> databases) {
        this.scores = scores;
        this.secondary = secondary;
        this.databases = databases;
    }

    /**
     * Prints the report of one or more JMH JSON result files; with {@code --merge OUT} first, also
     * writes their results as one JSON array to {@code OUT}.
     *
     * @param args {@code [--merge OUT] FILE...}; {@code target/jmh.json} when no file is given
     * @throws Exception when a file cannot be read or written
     */
    public static void main(String[] args) throws Exception {
        List<String> files = new ArrayList<>(List.of(args));
        Path merged = null;
        if (files.size() >= 2 && files.get(0).equals("--merge")) {
            merged = Path.of(files.get(1));
            files = files.subList(2, files.size());
        }
        if (files.isEmpty()) {
            files = List.of("target/jmh.json");
        }
        String[] documents = new String[files.size()];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = Files.readString(Path.of(files.get(i)));
        }
        if (merged != null) {
            Files.writeString(merged, merge(documents));
        }
        System.out.print(parse(documents).render());
    }

    /**
     * The results of several JMH JSON documents as one JSON array, in order.
     *
     * @param jsons the documents: arrays of results, as JMH writes them
     * @return the merged array, indented
     */
    public static String merge(String... jsons) {
        tools.jackson.databind.node.ArrayNode all = JsonMapper.shared().createArrayNode();
        for (String json : jsons) {
            JsonMapper.shared().readTree(json).forEach(all::add);
        }
        return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n";
    }

    /**
     * Reads the results of JMH JSON documents (of one run, or of the passes of one run).
     *
     * <p>A scenario is a benchmark class ({@code FetchBenchmark} is {@code fetch}) with its
     * parameters other than {@code database} ({@code stream rows=100000}).
     *
     * @param jsons the documents: arrays of results, as JMH writes them
     * @return the report
     */
    public static BenchmarkReport parse(String... jsons) {
        Map<String, Map<String, Map<String, Score>>> scores = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Score>>> secondary = new LinkedHashMap<>();
        Set<String> databases = new LinkedHashSet<>();
        for (String json : jsons) {
            for (JsonNode result : JsonMapper.shared().readTree(json)) {
                String benchmark = result.path("benchmark").asString();
                int dot = benchmark.lastIndexOf('.');
                StringBuilder scenario = new StringBuilder(
                        scenarioName(benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot)));
                result.path("params").properties().forEach(param -> {
                    if (!param.getKey().equals("database")) {
                        scenario.append(' ').append(param.getKey()).append('=').append(param.getValue().asString());
                    }
                });
                String method = benchmark.substring(dot + 1);
                String database = result.path("params").path("database").asString("");
                databases.add(database);
                scores.computeIfAbsent(scenario.toString(), s -> new LinkedHashMap<>())
                        .computeIfAbsent(method, m -> new LinkedHashMap<>())
                        .put(database, score(result.path("primaryMetric")));
                result.path("secondaryMetrics").properties().forEach(metric -> {
                    String name = metric.getKey().replace("\u00b7", "");
                    if (SECONDARY.containsKey(name)) {
                        secondary.computeIfAbsent(name + " " + scenario, s -> new LinkedHashMap<>())
                                .computeIfAbsent(method, m -> new LinkedHashMap<>())
                                .put(database, score(metric.getValue()));
                    }
                });
            }
        }
        return new BenchmarkReport(scores, secondary, databases);
    }

    private static Score score(JsonNode metric) {
        return new Score(number(metric.path("score")), number(metric.path("scoreError")),
                metric.path("scoreUnit").asString());
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
        SECONDARY.keySet().stream().sorted().forEach(name -> renderSecondary(out, name, rule));
        return out.toString();
    }

    private void renderSecondary(StringBuilder out, String name, String rule) {
        List<String> keys = secondary.keySet().stream().filter(key -> key.startsWith(name + " ")).toList();
        if (keys.isEmpty()) {
            return;
        }
        out.append("\n### ").append(SECONDARY.get(name)).append("\n\n| scenario | side | ")
                .append(String.join(" | ", databases)).append(" |\n").append(rule);
        for (String key : keys) {
            secondary.get(key).forEach((method, byDatabase) -> {
                out.append("| ").append(key.substring(name.length() + 1)).append(" | ").append(method).append(" |");
                for (String database : databases) {
                    Score score = byDatabase.get(database);
                    out.append(' ').append(score == null ? "-" : score.format()).append(" |");
                }
                out.append('\n');
            });
        }
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
