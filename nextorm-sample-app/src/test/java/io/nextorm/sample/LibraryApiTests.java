package io.nextorm.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the sample app, written once and run on each database by a subclass
 * ({@link H2LibraryApiTest}, {@link PostgresLibraryApiTest}, {@link MariaDbLibraryApiTest}). The seed
 * is never changed: tests that write make books, authors and tags of their own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class LibraryApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    // ---- list

    @Test
    void listsTheSeededBooksPageByPage() {
        JsonNode first = get("/books?size=5");
        JsonNode third = get("/books?size=5&page=3");

        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(12);
        assertThat(first.get("pages").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(first.get("items")).hasSize(5);
        assertThat(third.get("items")).isNotEmpty();
        assertThat(titles(first)).doesNotContainAnyElementsOf(titles(third));
    }

    @Test
    void findsBooksByAPieceOfTheTitleInAnyCase() {
        assertThat(titles(get("/books?q=EARTHSEA"))).containsExactly("A Wizard of Earthsea");
    }

    @Test
    void filtersByAuthorTagAndYears() {
        JsonNode page = get("/books?author=Terry Pratchett&tag=satire&fromYear=1985&toYear=2000");

        assertThat(titles(page)).containsExactly("Guards! Guards!", "Small Gods");
        assertThat(page.get("items").get(0).get("tags").toString()).contains("fantasy", "satire");
    }

    @Test
    void unknownTagMatchesNothing() {
        JsonNode page = get("/books?tag=no-such-tag");

        assertThat(page.get("total").asLong()).isZero();
        assertThat(page.get("items")).isEmpty();
    }

    @Test
    void sortsNewestFirst() {
        assertThat(titles(get("/books?author=Octavia E. Butler&sort=-year")))
                .containsExactly("Parable of the Sower", "Dawn", "Wild Seed", "Kindred");
    }

    @Test
    void unknownSortIsABadRequest() {
        JsonNode problem = problem(client.get().uri("/books?sort=price").exchange(), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("detail").asString()).contains("Unknown sort 'price'");
    }

    @Test
    void pageZeroIsABadRequestNamingTheParameter() {
        JsonNode problem = problem(client.get().uri("/books?page=0").exchange(), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("page");
    }

    // ---- detail

    @Test
    void detailHasTheDescriptionTagsAndReviews() {
        JsonNode book = get("/books/" + bookId("A Wizard of Earthsea"));

        assertThat(book.get("description").asString()).startsWith("A boy with a gift for magic");
        assertThat(book.get("author").asString()).isEqualTo("Ursula K. Le Guin");
        assertThat(book.get("tags").toString()).isEqualTo("[\"classic\",\"fantasy\"]");
        assertThat(book.get("reviews")).hasSize(2);
        assertThat(book.get("averageRating").asDouble()).isEqualTo(4.5);
    }

    @Test
    void missingBookIsNotFound() {
        JsonNode problem = problem(client.get().uri("/books/987654321").exchange(), HttpStatus.NOT_FOUND);

        assertThat(problem.get("detail").asString()).isEqualTo("There is no book 987654321");
    }

    // ---- create

    @Test
    void createdBookWithANewAuthorAndTagsCanBeReadBack() {
        String suffix = suffix();
        JsonNode created = created(client.post().uri("/books").bodyValue(newBook("Created " + suffix, isbn(),
                "Author " + suffix, List.of("tag-" + suffix, "classic"))).exchange());

        JsonNode read = get("/books/" + created.get("id").asLong());

        assertThat(read.get("title").asString()).isEqualTo("Created " + suffix);
        assertThat(read.get("description").asString()).isEqualTo("About " + suffix);
        assertThat(read.get("tags").toString()).isEqualTo("[\"classic\",\"tag-" + suffix + "\"]");
        assertThat(read.get("author").asString()).isEqualTo("Author " + suffix);
        assertThat(get("/authors/" + read.get("authorId").asLong()).get("books").toString())
                .isEqualTo("[\"Created " + suffix + "\"]");
        assertThat(get("/tags").toString()).contains("\"name\":\"tag-" + suffix + "\",\"books\":1");
    }

    @Test
    void invalidBookIsABadRequestListingEachField() {
        JsonNode problem = problem(client.post().uri("/books")
                .bodyValue(Map.of("title", " ", "isbn", "12", "author", "Someone")).exchange(), HttpStatus.BAD_REQUEST);

        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("title", "isbn", "publishedYear");
    }

    @Test
    void duplicateIsbnIsAConflict() {
        String isbn = isbn();
        created(client.post().uri("/books").bodyValue(newBook("First " + suffix(), isbn, "Ann", List.of())).exchange());

        JsonNode problem = problem(client.post().uri("/books")
                .bodyValue(newBook("Second " + suffix(), isbn, "Ann", List.of())).exchange(), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asString()).isEqualTo("There is a book with ISBN " + isbn + " already");
    }

    @Test
    void unreadableJsonIsABadRequestProblem() {
        problem(client.post().uri("/books").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange(),
                HttpStatus.BAD_REQUEST);
    }

    // ---- update

    @Test
    void updateWritesTheChangedFieldsAndIncrementsTheVersion() {
        JsonNode book = newBook();
        long version = book.get("version").asLong();

        JsonNode changed = ok(client.patch().uri("/books/{id}", book.get("id").asLong())
                .bodyValue(Map.of("title", "Changed " + suffix(), "tags", List.of("satire"), "description", "New",
                        "version", version)).exchange());

        assertThat(changed.get("title").asString()).startsWith("Changed ");
        assertThat(changed.get("description").asString()).isEqualTo("New");
        assertThat(changed.get("tags").toString()).isEqualTo("[\"satire\"]");
        assertThat(changed.get("publishedYear").asInt()).isEqualTo(book.get("publishedYear").asInt());
        assertThat(changed.get("isbn").asString()).isEqualTo(book.get("isbn").asString());
        assertThat(changed.get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void updateWithAStaleVersionIsAConflictAndChangesNothing() {
        JsonNode book = newBook();
        long id = book.get("id").asLong();
        long version = book.get("version").asLong();
        ok(client.patch().uri("/books/{id}", id).bodyValue(Map.of("publishedYear", 2001, "version", version)).exchange());

        JsonNode problem = problem(client.patch().uri("/books/{id}", id)
                .bodyValue(Map.of("title", "Lost", "version", version)).exchange(), HttpStatus.CONFLICT);

        assertThat(problem.get("detail").asString()).contains("is at version " + (version + 1) + ", not " + version);
        assertThat(get("/books/" + id).get("title").asString()).isEqualTo(book.get("title").asString());
    }

    @Test
    void ofConcurrentUpdatesOfOneVersionOneWinsAndTheOthersConflict() {
        JsonNode book = newBook();
        long id = book.get("id").asLong();
        long version = book.get("version").asLong();

        List<HttpStatus> statuses = Flux.range(0, 5).parallel(5).runOn(Schedulers.boundedElastic())
                .map(i -> HttpStatus.valueOf(client.patch().uri("/books/{id}", id)
                        .bodyValue(Map.of("title", "Concurrent " + i, "version", version)).exchange()
                        .returnResult(String.class).getStatus().value()))
                .sequential().collectList().block();

        assertThat(statuses).containsOnly(HttpStatus.OK, HttpStatus.CONFLICT);
        assertThat(statuses).filteredOn(HttpStatus.OK::equals).hasSize(1);
        assertThat(get("/books/" + id).get("version").asLong()).isEqualTo(version + 1);
    }

    @Test
    void updateOfAMissingBookIsNotFound() {
        problem(client.patch().uri("/books/987654321").bodyValue(Map.of("title", "x")).exchange(), HttpStatus.NOT_FOUND);
    }

    @Test
    void invalidUpdateIsABadRequest() {
        JsonNode problem = problem(client.patch().uri("/books/{id}", newBook().get("id").asLong())
                .bodyValue(Map.of("title", "")).exchange(), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("title");
    }

    // ---- delete

    @Test
    void deleteRemovesTheBookWithItsReviewsAndTagLinks() {
        long id = newBook().get("id").asLong();
        created(client.post().uri("/books/{id}/reviews", id).bodyValue(Map.of("reviewer", "R", "rating", 2)).exchange());

        client.delete().uri("/books/{id}", id).exchange().expectStatus().isNoContent();

        problem(client.get().uri("/books/{id}", id).exchange(), HttpStatus.NOT_FOUND);
        problem(client.delete().uri("/books/{id}", id).exchange(), HttpStatus.NOT_FOUND);
    }

    // ---- reviews

    @Test
    void reviewIsAddedToTheBook() {
        long id = newBook().get("id").asLong();

        JsonNode review = created(client.post().uri("/books/{id}/reviews", id)
                .bodyValue(Map.of("reviewer", "Reader", "rating", 4, "text", "Good")).exchange());

        assertThat(review.get("rating").asInt()).isEqualTo(4);
        JsonNode book = get("/books/" + id);
        assertThat(book.get("reviews").get(0).get("reviewer").asString()).isEqualTo("Reader");
        assertThat(book.get("averageRating").asDouble()).isEqualTo(4.0);
    }

    @Test
    void reviewWithARatingOutOfRangeIsABadRequest() {
        JsonNode problem = problem(client.post().uri("/books/{id}/reviews", newBook().get("id").asLong())
                .bodyValue(Map.of("reviewer", "Reader", "rating", 6)).exchange(), HttpStatus.BAD_REQUEST);

        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("rating");
    }

    @Test
    void reviewOfAMissingBookIsNotFound() {
        problem(client.post().uri("/books/987654321/reviews").bodyValue(Map.of("reviewer", "R", "rating", 3)).exchange(),
                HttpStatus.NOT_FOUND);
    }

    // ---- authors and tags

    @Test
    void listsTheAuthorsWithTheirBooks() {
        JsonNode authors = getArray("/authors");

        assertThat(authors.toString()).contains("\"name\":\"Terry Pratchett\",\"books\":[\"Going Postal\","
                + "\"Guards! Guards!\",\"Small Gods\",\"The Colour of Magic\"]");
    }

    @Test
    void createdAuthorCanBeReadBackAndItsNameIsTakenThen() {
        String name = "Writer " + suffix();
        JsonNode author = created(client.post().uri("/authors").bodyValue(Map.of("name", name)).exchange());

        assertThat(get("/authors/" + author.get("id").asLong()).get("name").asString()).isEqualTo(name);
        JsonNode problem = problem(client.post().uri("/authors").bodyValue(Map.of("name", name)).exchange(),
                HttpStatus.CONFLICT);
        assertThat(problem.get("detail").asString()).isEqualTo("There is an author named '" + name + "' already");
    }

    @Test
    void authorWithoutANameIsABadRequest() {
        problem(client.post().uri("/authors").bodyValue(Map.of("name", "")).exchange(), HttpStatus.BAD_REQUEST);
    }

    @Test
    void missingAuthorIsNotFound() {
        problem(client.get().uri("/authors/987654321").exchange(), HttpStatus.NOT_FOUND);
    }

    @Test
    void mergeMovesTheBooksAndDeletesTheAuthor() {
        String suffix = suffix();
        long from = created(client.post().uri("/books").bodyValue(newBook("Merged " + suffix, isbn(), "From " + suffix,
                List.of())).exchange()).get("authorId").asLong();
        long into = created(client.post().uri("/books").bodyValue(newBook("Kept " + suffix, isbn(), "Into " + suffix,
                List.of())).exchange()).get("authorId").asLong();

        JsonNode merged = ok(client.post().uri("/authors/{id}/merge?into={into}", from, into).exchange());

        assertThat(merged.get("books").toString()).isEqualTo("[\"Kept " + suffix + "\",\"Merged " + suffix + "\"]");
        problem(client.get().uri("/authors/{id}", from).exchange(), HttpStatus.NOT_FOUND);
        assertThat(get("/books/" + bookId("Merged " + suffix)).get("author").asString()).isEqualTo("Into " + suffix);
    }

    @Test
    void mergeOfAMissingAuthorIsNotFoundAndChangesNothing() {
        JsonNode book = newBook();
        long author = book.get("authorId").asLong();

        problem(client.post().uri("/authors/{id}/merge?into=987654321", author).exchange(), HttpStatus.NOT_FOUND);

        assertThat(get("/authors/" + author).get("books")).hasSize(1);
    }

    @Test
    void mergeIntoItselfIsABadRequest() {
        long author = newBook().get("authorId").asLong();

        problem(client.post().uri("/authors/{id}/merge?into={id}", author, author).exchange(), HttpStatus.BAD_REQUEST);
    }

    @Test
    void listsTheTagsWithTheirBookCounts() {
        assertThat(getArray("/tags").toString()).contains("\"name\":\"time-travel\",\"books\":1");
    }

    // ---- the page, the endpoint, the meters

    @Test
    void pageAtTheRootIsServed() {
        String html = client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<title>nextorm library</title>", "actuator/nextorm");
    }

    @Test
    void nextormEndpointListsTheStatementsAndFindsOneById() {
        get("/books?q=earth");

        JsonNode statements = get("/actuator/nextorm").at("/databases/asyncDatabase/statements");
        JsonNode first = statements.get(0);
        String id = first.get("id").asString();

        assertThat(statements.toString()).containsIgnoringCase("from book");
        assertThat(first.get("count").asLong()).isPositive();
        assertThat(id).matches("[0-9a-f]{10}");
        assertThat(get("/actuator/nextorm/" + id).at("/databases/asyncDatabase/statements/0/id").asString())
                .isEqualTo(id);
    }

    @Test
    void prometheusHasTheQueryAndPoolMetersWithoutSql() {
        get("/books");

        String scrape = client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).containsPattern("nextorm_query_seconds_count\\{[^}]*entity=\"Book\"[^}]*operation=\"select\"")
                .contains("r2dbc_pool_acquired_connections", "nextorm_sessions_total")
                .doesNotContainIgnoringCase("from book");
    }

    // ---- helpers

    private JsonNode newBook() {
        String suffix = suffix();
        return created(client.post().uri("/books")
                .bodyValue(newBook("Book " + suffix, isbn(), "Author " + suffix, List.of("fantasy"))).exchange());
    }

    private static Map<String, Object> newBook(String title, String isbn, String author, List<String> tags) {
        Map<String, Object> book = new HashMap<>();
        book.put("title", title);
        book.put("isbn", isbn);
        book.put("publishedYear", 1999);
        book.put("author", author);
        book.put("description", "About " + title.substring(title.indexOf(' ') + 1));
        book.put("tags", tags);
        return book;
    }

    private long bookId(String title) {
        JsonNode page = get("/books?q=" + title);
        for (JsonNode item : page.get("items")) {
            if (item.get("title").asString().equals(title)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("No book titled " + title + " in " + page);
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String isbn() {
        long digits = Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L);
        return String.format("979-1-%09d", digits);
    }

    private JsonNode get(String uri) {
        return ok(client.get().uri(uri).exchange());
    }

    private JsonNode getArray(String uri) {
        return ok(client.get().uri(uri).exchange());
    }

    private static JsonNode ok(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());
    }

    private static JsonNode created(WebTestClient.ResponseSpec response) {
        return JSON.readTree(response.expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody().returnResult().getResponseBodyContent());
    }

    private static JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        JsonNode problem = JSON.readTree(response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().returnResult().getResponseBodyContent());
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(problem.get("title").asString()).isNotBlank();
        return problem;
    }
}
