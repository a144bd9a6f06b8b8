package io.nextorm.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard and the Prometheus config in {@code monitoring/} fit the app: every metric a
 * dashboard query names is in the app's {@code /actuator/prometheus}, and statement ids link to
 * {@code /actuator/nextorm/{id}}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class DashboardTest {

    private static final Path MONITORING = Path.of("..", "monitoring");
    private static final Pattern METRIC = Pattern.compile("\\b(?:nextorm|r2dbc)_[a-z_]+");

    @Autowired
    private WebTestClient client;

    @Test
    void everyDashboardQueryNamesAMetricTheAppPublishes() throws IOException {
        driveTraffic();
        List<String> queries = queries(dashboard());
        Set<String> used = new TreeSet<>();
        for (String query : queries) {
            Matcher names = METRIC.matcher(query);
            boolean any = false;
            while (names.find()) {
                used.add(names.group());
                any = true;
            }
            assertThat(any).as("a metric in " + query).isTrue();
        }

        String scrape = prometheus();

        assertThat(used).contains("nextorm_query_seconds_count", "nextorm_query_seconds_bucket", "nextorm_query_rows_sum",
                "nextorm_sessions_total", "nextorm_commits_total", "nextorm_rollbacks_total",
                "nextorm_optimistic_failures_total", "r2dbc_pool_acquired_connections", "r2dbc_pool_pending_connections");
        assertThat(used).allSatisfy(name -> assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    @Test
    void statementIdsLinkToTheNextormEndpoint() throws IOException {
        List<String> links = new ArrayList<>();
        for (JsonNode panel : panels(dashboard())) {
            if (panel.toString().contains("statement)") || panel.toString().contains("statement,")) {
                links.add(panel.at("/fieldConfig").toString());
            }
        }

        assertThat(links).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(config -> assertThat(config).contains("/actuator/nextorm/${__"));
    }

    @Test
    void dashboardHasAPoolPanelAndAnErrorsPanel() throws IOException {
        List<String> titles = new ArrayList<>();
        panels(dashboard()).forEach(panel -> titles.add(panel.get("title").asString()));

        assertThat(titles).contains("Pool connections", "Errors per second by exception", "Failed statements (share)");
    }

    @Test
    void prometheusConfigScrapesTheActuatorEndpoint() throws IOException {
        String config = Files.readString(MONITORING.resolve("prometheus.yml"));

        assertThat(config).contains("metrics_path: /actuator/prometheus", "localhost:8080");
    }

    private void driveTraffic() {
        client.get().uri("/books?q=the").exchange().expectStatus().isOk();
        client.get().uri("/books/1").exchange().expectStatus().isOk();
        client.post().uri("/authors").bodyValue(Map.of("name", "Dashboard " + System.nanoTime())).exchange()
                .expectStatus().isCreated();
    }

    private static JsonNode dashboard() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(MONITORING.resolve("grafana").resolve("nextorm-dashboard.json")));
        assertThat(dashboard.get("title").asString()).isEqualTo("nextorm");
        return dashboard;
    }

    // panels, also those inside collapsed rows
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            panels.add(panel);
            if (panel.has("panels")) {
                panel.get("panels").forEach(panels::add);
            }
        }
        return panels;
    }

    // the panels' PromQL and the variables' label_values(...) queries
    private static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            if (panel.has("targets")) {
                panel.get("targets").forEach(target -> queries.add(target.get("expr").asString()));
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.get("type").asString().equals("query")) {
                queries.add(variable.get("definition").asString());
            }
        }
        return queries;
    }

    private String prometheus() {
        // with histogram buckets of every statement the scrape is larger than the default 256 KiB buffer
        return client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
