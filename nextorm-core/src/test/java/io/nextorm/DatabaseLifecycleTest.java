package io.nextorm;

import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Sample;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseLifecycleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final List<Class<?>> BLOG = List.of(Author.class, Article.class, Tag.class);

    @Test
    void theNoArgumentConstructorFindsEveryIndexedEntity() {
        AsyncDatabase db = new AsyncDatabase();
        assertThat(db.entities()).containsEntry("Sample", Sample.class).containsEntry("Tag", Tag.class)
                .containsValue(Article.class);
    }

    @Test
    void entitiesAreKeyedByEntityName() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        assertThat(db.entities()).containsExactly(Map.entry("Author", Author.class), Map.entry("Article", Article.class),
                Map.entry("Tag", Tag.class));
        db.register(Sample.class);
        assertThat(db.entities()).containsKey("Sample");
    }

    @Test
    void registerRefusesClassesWithoutEntityAnnotation() {
        AsyncDatabase db = new AsyncDatabase(List.of());
        assertThatThrownBy(() -> db.register(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@io.nextorm.annotation.Entity");
        assertThatThrownBy(() -> new AsyncDatabase(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindIsLazyAndOpensAPoolThatCloseCloses() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        Mono<Void> bind = db.bind("h2", "mem:lifecycle", Map.of());
        assertThat(db.isBound()).isFalse();
        bind.block(TIMEOUT);
        assertThat(db.isBound()).isTrue();
        db.close().block(TIMEOUT);
        assertThat(db.isBound()).isFalse();
    }

    @Test
    void bindTwiceIsRefused() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        db.bind("h2", "mem:twice", Map.of()).block(TIMEOUT);
        try {
            assertThatThrownBy(() -> db.bind("h2", "mem:twice2", Map.of()).block(TIMEOUT))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already bound");
        } finally {
            db.close().block(TIMEOUT);
        }
    }

    @Test
    void bindRefusesAnUnknownProvider() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        assertThatThrownBy(() -> db.bind("oracle", "x", Map.of()).block(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"h2\", \"postgres\", \"mariadb\" or \"sqlite\"");
        assertThat(db.isBound()).isFalse();
    }

    @Test
    void bindRefusesAUrlOfAnotherDriver() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        assertThatThrownBy(() -> db.bind("postgres", "r2dbc:h2:mem:///x", Map.of()).block(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not for the postgresql driver");
        assertThatThrownBy(() -> db.bind("h2", "", Map.of()).block(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mem:name");
    }

    @Test
    void bindFailsClearlyWhenTheDatabaseIsUnreachable() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        assertThatThrownBy(() -> db.bind("postgres", "127.0.0.1:1/none", Map.of("user", "x", "connectTimeout",
                Duration.ofSeconds(2))).block(TIMEOUT)).isInstanceOf(RuntimeException.class);
        assertThat(db.isBound()).isFalse();
    }

    @Test
    void bindRefusesBadPoolOptions() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        assertThatThrownBy(() -> db.bind("h2", "mem:pool", Map.of("pool.maxSize", 0)).block(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pool.maxSize");
    }

    @Test
    void bindToAConnectionFactoryReadsTheDialectAndLeavesTheFactoryOpen() {
        io.r2dbc.spi.ConnectionFactory factory = io.r2dbc.spi.ConnectionFactories.get("r2dbc:h2:mem:///shared?options=DB_CLOSE_DELAY=-1");
        AsyncDatabase db = new AsyncDatabase(BLOG);
        db.bind(factory).block(TIMEOUT);
        assertThat(db.dialect().name()).isEqualTo("h2");
        db.close().block(TIMEOUT);
        assertThat(Mono.from(factory.create()).flatMap(c -> Mono.from(c.close())).then(Mono.just(true)).block(TIMEOUT)).isTrue();
        assertThatThrownBy(() -> db.bind((io.r2dbc.spi.ConnectionFactory) null).block(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callsBeforeBindOrMappingSayWhatIsMissing() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        assertThatThrownBy(() -> db.aselect(Article.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("generateMapping()");
        assertThatThrownBy(() -> db.schema()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.execute("SELECT 1").block(TIMEOUT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bind()");
        assertThatThrownBy(() -> db.generateMapping(true, true).block(TIMEOUT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bind()");
        assertThatThrownBy(() -> db.getConnection().block(TIMEOUT)).isInstanceOf(IllegalStateException.class);
        assertThat(db.lastSql()).isNull();
        assertThat(db.localStats()).isEmpty();
    }

    @Test
    void generateMappingWithoutTablesNeedsNoDatabase() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        db.generateMapping().block(TIMEOUT);
        assertThat(db.schema()).containsKeys("author", "article", "tag", "article_tags");
        AsyncQuerySet<Article> query = db.aselect(Article.class);
        assertThat(query).isNotNull();
        assertThatThrownBy(() -> query.fetchAll().block(TIMEOUT)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bind()");
    }

    @Test
    void ioMethodsDoNothingUntilSubscribed() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        db.bind("h2", "mem:lazy", Map.of()).then(db.generateMapping(true, true)).block(TIMEOUT);
        try {
            db.clearLocalStats();
            Article article = new Article("never");
            db.asave(article);
            db.ainsert(new Article("never"));
            db.execute("DELETE FROM article");
            db.selectRaw("SELECT 1");
            db.aselect(Article.class).fetchAll();
            db.aselect(Article.class).count();
            db.aselect(Article.class).stream();
            db.aselect(Article.class).get();
            db.loadLazyField(article, "body");
            assertThat(db.localStats()).isEmpty();
            assertThat(article.getId()).isNull();
            assertThat(article.events).isEmpty();
        } finally {
            db.close().block(TIMEOUT);
        }
    }

    @Test
    void aCancelledQueryReturnsItsConnectionToThePool() {
        AsyncDatabase db = new AsyncDatabase(BLOG);
        db.bind("h2", "mem:cancel", Map.of("pool.maxSize", 1)).then(db.generateMapping(true, true)).block(TIMEOUT);
        try {
            for (int i = 0; i < 20; i++) {
                db.asave(new Article("a" + i)).block(TIMEOUT);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(db.aselect(Article.class).stream().take(2).collectList().block(TIMEOUT)).hasSize(2);
            }
            assertThat(db.aselect(Article.class).count().block(Duration.ofSeconds(5))).isEqualTo(20L);
        } finally {
            db.close().block(TIMEOUT);
        }
    }
}
