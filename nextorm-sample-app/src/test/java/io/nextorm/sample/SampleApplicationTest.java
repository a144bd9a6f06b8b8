package io.nextorm.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;

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
}
