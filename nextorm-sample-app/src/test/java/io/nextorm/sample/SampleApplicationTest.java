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

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SampleApplicationTest {

    @Autowired
    private WebTestClient client;

    @Test
    void listsTheSeededPosts() {
        client.get().uri("/posts").exchange()
                .expectStatus().isOk()
                .expectBodyList(PostView.class)
                .value(posts -> assertThat(posts).extracting(PostView::title)
                        .contains("Hello, nextorm", "Queries", "Sessions"));
    }

    @Test
    void filtersPostsByAuthorName() {
        client.get().uri("/posts?author=Bob").exchange()
                .expectStatus().isOk()
                .expectBodyList(PostView.class)
                .value(posts -> assertThat(posts).isNotEmpty().allSatisfy(post -> assertThat(post.author()).isEqualTo("Bob")));
    }

    @Test
    void createdPostCanBeReadBack() {
        PostView created = client.post().uri("/posts")
                .bodyValue(Map.of("title", "Written in a test", "body", "text", "author", "Cleo"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(PostView.class).returnResult().getResponseBody();

        assertThat(created).isNotNull();
        assertThat(created.id()).isNotNull();
        client.get().uri("/posts/{id}", created.id()).exchange()
                .expectStatus().isOk()
                .expectBody(PostView.class)
                .isEqualTo(new PostView(created.id(), "Written in a test", "text", "Cleo"));
    }

    @Test
    void missingPostIsNotFound() {
        client.get().uri("/posts/{id}", 987_654_321L).exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("There is no post 987654321");
    }

    @Test
    void postWithoutTitleIsRejected() {
        client.post().uri("/posts").bodyValue(Map.of("author", "Ann")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void statsListTheStatementsSent() {
        client.get().uri("/posts").exchange().expectStatus().isOk();

        client.get().uri("/stats").exchange()
                .expectStatus().isOk()
                .expectBodyList(StatementStats.class)
                .value(stats -> assertThat(stats).anySatisfy(stat -> {
                    assertThat(stat.sql()).containsIgnoringCase("from post");
                    assertThat(stat.count()).isPositive();
                }));
    }

    @Test
    void nextormEndpointListsTheStatementsWithTheirIds() {
        client.get().uri("/posts").exchange().expectStatus().isOk();

        byte[] body = client.get().uri("/actuator/nextorm").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent();
        JsonNode statements = JsonMapper.builder().build().readTree(body).at("/databases/asyncDatabase/statements");
        JsonNode first = statements.get(0);
        String id = first.get("id").asString();

        assertThat(first.get("sql").asString()).isNotBlank();
        assertThat(first.get("count").asLong()).isPositive();
        assertThat(first.has("avgMs")).isTrue();
        assertThat(id).matches("[0-9a-f]{10}");
        client.get().uri("/actuator/nextorm/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.databases.asyncDatabase.statements[0].id").isEqualTo(id);
    }

    @Test
    void prometheusScrapeHasTheQueryMetersWithoutSql() {
        client.get().uri("/posts").exchange().expectStatus().isOk();

        String scrape = prometheus();

        assertThat(scrape).containsPattern("nextorm_query_seconds_count\\{[^}]*operation=\"select\"")
                .contains("nextorm_sessions_total").doesNotContainIgnoringCase("from post");
    }

    @Test
    void dashboardIsValidJsonAndReadsOnlyMetricsTheAppRegisters() throws IOException {
        client.get().uri("/posts").exchange().expectStatus().isOk();
        client.post().uri("/posts").bodyValue(Map.of("title", "For the dashboard", "body", "", "author", "Dee"))
                .exchange().expectStatus().isCreated();
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(Path.of("grafana", "nextorm-dashboard.json")));
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            JsonNode targets = panel.get("targets");
            if (targets != null) {
                targets.forEach(target -> expressions.add(target.get("expr").asString()));
            }
        }
        Set<String> used = new TreeSet<>();
        Matcher names = Pattern.compile("\\bnextorm_[a-z_]+").matcher(String.join("\n", expressions));
        while (names.find()) {
            used.add(names.group());
        }

        String scrape = prometheus();

        assertThat(dashboard.get("title").asString()).isEqualTo("nextorm");
        assertThat(used).contains("nextorm_query_seconds_count", "nextorm_query_seconds_bucket",
                "nextorm_query_rows_sum", "nextorm_sessions_total", "nextorm_commits_total",
                "nextorm_rollbacks_total", "nextorm_optimistic_failures_total");
        assertThat(used).allSatisfy(name -> assertThat(scrape).as(name).containsPattern("(?m)^" + name + "[{ ]"));
    }

    private String prometheus() {
        // the scrape, with histogram buckets of every statement, is larger than the default 256 KiB buffer
        return client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
