package io.nextorm.kit;

import io.nextorm.Lazy;
import io.nextorm.LazyFieldNotLoadedException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import io.nextorm.testkit.model.Tag_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** References, sets and lazy fields: loading them (once, without N+1) and writing set changes at flush. */
class RelationTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private long selects() {
        return db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith("SELECT"))
                .mapToLong(e -> e.getValue().count()).sum();
    }

    /** Two authors, three articles (two by ann, one by bob), tags: first {red, blue}, second {red}, third none. */
    private List<Article> blog() {
        Author ann = new Author("ann");
        Author bob = new Author("bob");
        Tag red = new Tag("red");
        Tag blue = new Tag("blue");
        Article first = new Article("first");
        first.setAuthor(ann);
        first.setTags(new HashSet<>(Set.of(red, blue)));
        Article second = new Article("second");
        second.setAuthor(ann);
        second.setTags(new HashSet<>(Set.of(red)));
        Article third = new Article("third");
        third.setAuthor(bob);
        await(db.session(s -> Mono.fromRunnable(() -> List.of(first, second, third).forEach(s::add))));
        db.clearLocalStats();
        return List.of(first, second, third);
    }

    private Mono<Article> load(Article article) {
        return db.aselect(Article.class).filter(Article_.id.eq(article.getId())).getOrRaise();
    }

    private static Set<String> tagNames(Article article) {
        Set<String> names = new HashSet<>();
        article.getTags().forEach(t -> names.add(t.name));
        return names;
    }

    @Test
    void unloadedSetThrowsOnReadInsteadOfLookingEmpty() {
        Article first = blog().get(0);

        Article loaded = await(load(first));

        assertThatThrownBy(() -> loaded.getTags().size()).isInstanceOf(LazyFieldNotLoadedException.class)
                .hasMessageContaining("db.loadSet(entity, \"tags\")").hasMessageContaining("prefetch(Article_.tags)");
        assertThatThrownBy(() -> loaded.getTags().iterator()).isInstanceOf(LazyFieldNotLoadedException.class);
        assertThatThrownBy(() -> loaded.getTags().isEmpty()).isInstanceOf(LazyFieldNotLoadedException.class);
    }

    @Test
    void loadSetLoadsAManyToManySetWithOneSelectAndThenSendsNothing() {
        Article loaded = await(load(blog().get(0)));
        db.clearLocalStats();

        Set<Tag> tags = await(db.loadSet(loaded, "tags"));
        Set<Tag> again = await(db.loadSet(loaded, "tags"));

        assertThat(selects()).isEqualTo(1);
        assertThat(again).isSameAs(tags).isSameAs(loaded.getTags());
        assertThat(tagNames(loaded)).containsExactlyInAnyOrder("red", "blue");
    }

    @Test
    void loadSetLoadsAOneToManySet() {
        blog();
        Author ann = await(db.aselect(Author.class).filter(Author_.name.eq("ann")).getOrRaise());

        Set<Article> articles = await(db.loadSet(ann, "articles"));

        assertThat(articles).extracting(Article::getTitle).containsExactlyInAnyOrder("first", "second");
        assertThat(articles).allSatisfy(a -> assertThat(a.getAuthor()).isSameAs(ann));
    }

    @Test
    void prefetchLoadsTheReferencesOfAllResultsWithOneQuery() {
        blog();

        List<Article> articles = await(db.aselect(Article.class).prefetch(Article_.author).orderBy(Article_.title.asc())
                .fetchAll());

        assertThat(selects()).isEqualTo(2);
        assertThat(articles).extracting(a -> a.getAuthor().name).containsExactly("ann", "ann", "bob");
        assertThat(articles.get(0).getAuthor()).isSameAs(articles.get(1).getAuthor());
    }

    @Test
    void prefetchLoadsSetsWithOneQueryPerAttribute() {
        blog();

        List<Article> articles = await(db.aselect(Article.class).prefetch(Article_.tags, Article_.author)
                .orderBy(Article_.title.asc()).fetchAll());
        List<Author> authors = await(db.aselect(Author.class).prefetch(Author_.articles).orderBy(Author_.name.asc())
                .fetchAll());

        assertThat(selects()).isEqualTo(3 + 2);
        assertThat(tagNames(articles.get(0))).containsExactlyInAnyOrder("red", "blue");
        assertThat(tagNames(articles.get(1))).containsExactly("red");
        assertThat(articles.get(2).getTags()).isEmpty();
        assertThat(articles.get(0).getTags()).filteredOn(t -> t.name.equals("red"))
                .containsExactlyElementsOf(articles.get(1).getTags());
        assertThat(authors.get(0).articles).extracting(Article::getTitle).containsExactlyInAnyOrder("first", "second");
        assertThat(authors.get(1).articles).extracting(Article::getTitle).containsExactly("third");
    }

    @Test
    void prefetchInsideASessionFillsTheIdentityMapsObjects() {
        blog();

        List<Object> seen = await(db.session(s -> db.aselect(Article.class).filter(Article_.title.eq("third"))
                .getOrRaise()
                .flatMap(third -> db.aselect(Article.class).prefetch(Article_.author).fetchAll()
                        .map(all -> List.<Object>of(third.getAuthor().name, s.contains(third.getAuthor()))))));

        assertThat(seen).containsExactly("bob", true);
    }

    @Test
    void manyToManyAddAndRemoveAreWrittenAtFlush() {
        List<Article> blog = blog();
        Tag green = await(db.asave(new Tag("green")));

        await(db.session(s -> load(blog.get(0)).flatMap(a -> db.<Tag>loadSet(a, "tags").flatMap(tags ->
                db.aselect(Tag.class).filter(Tag_.name.eq("green")).getOrRaise().doOnNext(g -> {
                    tags.removeIf(t -> t.name.equals("blue"));
                    tags.add(g);
                })))));

        Article reloaded = await(load(blog.get(0)));
        await(db.loadSet(reloaded, "tags"));
        assertThat(tagNames(reloaded)).containsExactlyInAnyOrder("red", "green");
        assertThat(green.id).isNotNull();
    }

    @Test
    void newObjectsWithPlainSetsGetTheirJoinRows() {
        List<Article> blog = blog();

        Article reloaded = await(load(blog.get(0)));
        await(db.loadSet(reloaded, "tags"));

        assertThat(tagNames(reloaded)).containsExactlyInAnyOrder("red", "blue");
        assertThat(await(db.selectRaw("SELECT COUNT(*) AS n FROM article_tags")).get(0).get("n"))
                .isIn(3, 3L, java.math.BigInteger.valueOf(3), java.math.BigDecimal.valueOf(3));
    }

    @Test
    void addingToAnUnloadedSetIsWrittenWithoutLoadingIt() {
        List<Article> blog = blog();

        await(db.session(s -> load(blog.get(2)).doOnNext(a -> {
            Tag yellow = new Tag("yellow");
            a.getTags().add(yellow);
        })));

        Article reloaded = await(load(blog.get(2)));
        await(db.loadSet(reloaded, "tags"));
        assertThat(tagNames(reloaded)).containsExactly("yellow");
    }

    @Test
    void addingToAOneToManySetSetsTheReverseReference() {
        List<Article> blog = blog();

        await(db.session(s -> db.aselect(Author.class).filter(Author_.name.eq("bob")).getOrRaise()
                .flatMap(bob -> db.<Article>loadSet(bob, "articles").flatMap(articles -> load(blog.get(0))
                        .doOnNext(articles::add)))));

        assertThat(await(load(blog.get(0))).getAuthor().id).isEqualTo(blog.get(2).getAuthor().id);
    }

    @Test
    void lazyGetBeforeLoadingThrows() {
        Article article = new Article("with body");
        article.setBody(Lazy.of("the body"));
        await(db.asave(article));

        Article loaded = await(load(article));

        assertThat(loaded.getBody().isLoaded()).isFalse();
        assertThatThrownBy(() -> loaded.getBody().get()).isInstanceOf(LazyFieldNotLoadedException.class)
                .hasMessageContaining("loadLazyField");
    }

    @Test
    void lazyFieldIsLoadedWithOneSelectAndThenSendsNothing() {
        Article article = new Article("with body");
        article.setBody(Lazy.of("the body"));
        await(db.asave(article));

        String[] bodies = await(db.session(s -> load(article).flatMap(a -> db.<String>loadLazyField(a, "body")
                .flatMap(first -> db.<String>loadLazyField(a, "body").map(second -> new String[] {first, second,
                        a.getBody().get()})))));

        assertThat(bodies).containsExactly("the body", "the body", "the body");
        assertThat(db.localStats().keySet()).filteredOn(sql -> sql.toLowerCase().startsWith("select body")
                || sql.toLowerCase().startsWith("select \"body\"")).hasSize(1)
                .allSatisfy(sql -> assertThat(db.localStats().get(sql).count()).isEqualTo(1));
    }

    @Test
    void loadingALazyFieldInASessionDoesNotMakeTheObjectDirty() {
        Article article = new Article("with body");
        article.setBody(Lazy.of("the body"));
        await(db.asave(article));
        db.clearLocalStats();

        await(db.session(s -> load(article).flatMap(a -> db.loadLazyField(a, "body"))));

        assertThat(db.localStats().keySet()).allSatisfy(sql -> assertThat(sql).startsWith("SELECT"));
    }

    @Test
    void changingALazyFieldInASessionWritesIt() {
        Article article = new Article("with body");
        article.setBody(Lazy.of("old body"));
        await(db.asave(article));

        await(db.session(s -> load(article).doOnNext(a -> a.setBody(Lazy.of("new body")))));

        Article reloaded = await(load(article));
        assertThat((String) await(db.loadLazyField(reloaded, "body"))).isEqualTo("new body");
    }
}
