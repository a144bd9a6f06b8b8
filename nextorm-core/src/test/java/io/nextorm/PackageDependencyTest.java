package io.nextorm;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package graph of nextorm-core, read from its sources: no cycle between packages, and the
 * internals reach back into {@code io.nextorm} only for the types it defines for users (exceptions
 * and value types), never for {@code AsyncDatabase}'s machinery. See docs/architecture.md.
 */
class PackageDependencyTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.nextorm(?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");
    /** Comments and string literals: the processor writes the names of the types it generates code for. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:[^\"\\\\\\n]|\\\\.)*\"",
            Pattern.DOTALL);

    /** What the internals and the SPI may use of the root package: what it defines for users. */
    private static final Set<String> ROOT_TYPES_FOR_INTERNALS = Set.of("NextOrmException", "MappingException",
            "ObjectNotFoundException", "MultipleObjectsFoundException", "OptimisticCheckException",
            "LazyFieldNotLoadedException", "UnsupportedPredicateException", "TransactionException",
            "SqlExecutionException", "Lazy", "Where", "DbSession", "SessionOptions", "EntityHooks", "QueryStat", "QueryStats",
            "AsyncQuerySet");

    @Test
    void packagesFormNoCycleOnceTheRootsUserTypesCountAsLeaves() throws IOException {
        Map<String, Set<String>> graph = graph();
        List<List<String>> cycles = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            findCycle(start, graph, new ArrayList<>(), done, cycles);
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void sessionCodeNeverImportsTheDialects() throws IOException {
        assertThat(graph().getOrDefault("io.nextorm.internal.session", Set.of())).doesNotContain("io.nextorm.dialect");
    }

    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new HashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher own = PACKAGE.matcher(source);
                if (!own.find()) {
                    continue;
                }
                String pkg = own.group(1);
                Set<String> uses = graph.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(COMMENT.matcher(source).replaceAll(""));
                while (reference.find()) {
                    String target = reference.group(1);
                    boolean userTypeOfTheRoot = target.equals("io.nextorm")
                            && ROOT_TYPES_FOR_INTERNALS.contains(reference.group(2));
                    if (!target.equals(pkg) && !userTypeOfTheRoot) {
                        uses.add(target);
                    }
                }
            }
        }
        return graph;
    }

    private static void findCycle(String node, Map<String, Set<String>> graph, List<String> path, Set<String> done,
                                  List<List<String>> cycles) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(node);
            cycles.add(cycle);
            return;
        }
        if (!done.add(node)) {
            return;
        }
        path.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            findCycle(next, graph, path, done, cycles);
        }
        path.remove(path.size() - 1);
    }
}
