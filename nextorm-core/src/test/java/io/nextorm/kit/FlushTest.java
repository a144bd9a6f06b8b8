package io.nextorm.kit;

import io.nextorm.QueryStat;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Code;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dirty checking and the flush: what is written, in which statements and order, and what a failure leaves. */
class FlushTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class, Journal.class, Code.class);
    }

    private List<String> writes() {
        return db.localStats().keySet().stream().filter(sql -> !sql.startsWith("SELECT")).sorted().toList();
    }

    private long statements(String prefix) {
        return db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().count()).sum();
    }

    private Article savedArticle(String title) {
        Article article = new Article(title, 7);
        article.setSubtitle("sub");
        return await(db.asave(article));
    }

    private Mono<Article> load(Long id) {
        return db.aselect(Article.class).filter(Article_.id.eq(id)).getOrRaise();
    }

    @Test
    void changingOneFieldSendsOneUpdateOfThatColumn() {
        Article saved = savedArticle("old");
        db.clearLocalStats();

        await(db.session(s -> load(saved.getId()).doOnNext(a -> a.setTitle("new"))));

        List<String> writes = writes();
        assertThat(writes).hasSize(1);
        String update = writes.get(0).toLowerCase();
        assertThat(update).startsWith("update").contains("title").contains("version")
                .doesNotContain("subtitle").doesNotContain("views").doesNotContain("draft");
        assertThat(db.localStats().get(writes.get(0)).count()).isEqualTo(1);
        Article reloaded = await(load(saved.getId()));
        assertThat(reloaded.getTitle()).isEqualTo("new");
        assertThat(reloaded.getSubtitle()).isEqualTo("sub");
        assertThat(reloaded.getVersion()).isEqualTo(saved.getVersion() + 1);
    }

    @Test
    void sessionThatChangesNothingSendsNoWrite() {
        Article saved = savedArticle("same");
        db.clearLocalStats();

        await(db.session(s -> load(saved.getId()).doOnNext(a -> a.setTitle("same"))));

        assertThat(writes()).isEmpty();
    }

    @Test
    void tenThousandAddedObjectsAreInsertedInFewStatementsEachWithItsKey() {
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            authors.add(new Author("author-" + i));
        }
        db.clearLocalStats();

        await(db.session(s -> {
            authors.forEach(s::add);
            return db.aflush();
        }));

        assertThat(statements("INSERT")).isLessThanOrEqualTo(20);
        assertThat(authors).extracting(a -> a.id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(await(db.aselect(Author.class).count())).isEqualTo(10_000);
    }

    @Test
    void everyObjectGetsTheKeyOfItsOwnRow() {
        List<Author> authors = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            authors.add(new Author("author-" + i));
        }

        await(db.session(s -> Mono.fromRunnable(() -> authors.forEach(s::add))));

        Map<Long, String> stored = await(db.aselect(Author.class).fetchAll()).stream()
                .collect(Collectors.toMap(a -> a.id, a -> a.name));
        for (Author author : authors) {
            assertThat(stored.get(author.id)).as("the row of key %s", author.id).isEqualTo(author.name);
        }
    }

    @Test
    void objectsWithChosenKeysAreInsertedWithThem() {
        db.clearLocalStats();

        await(db.session(s -> Mono.fromRunnable(() -> {
            s.add(new Code("a", "first"));
            s.add(new Code("b", "second"));
        })));

        assertThat(statements("INSERT")).isEqualTo(1);
        assertThat(await(db.aselect(Code.class).fetchAll())).extracting(c -> c.code + "=" + c.label)
                .containsExactlyInAnyOrder("a=first", "b=second");
    }

    @Test
    void asaveOfAnAddedObjectWithAChosenKeyInsertsItOnce() {
        db.clearLocalStats();

        await(db.session(s -> db.asave(s.add(new Code("a", "first")))));

        assertThat(statements("INSERT")).isEqualTo(1);
        assertThat(writes()).hasSize(1);
        assertThat(await(db.aselect(Code.class).getOrRaise()).label).isEqualTo("first");
    }

    @Test
    void newObjectsAreInsertedAfterTheObjectsTheyReferTo() {
        Author author = new Author("ann");
        Article article = new Article("first");
        article.setAuthor(author);

        await(db.session(s -> {
            s.add(article);
            s.add(author);
            return Mono.empty();
        }));

        Article loaded = await(load(article.getId()));
        assertThat(loaded.getAuthor().id).isEqualTo(author.id).isNotNull();
    }

    @Test
    void newObjectReachedFromAnAddedOneIsInsertedToo() {
        Author author = new Author("reached");
        Article article = new Article("added");
        article.setAuthor(author);

        await(db.session(s -> Mono.fromRunnable(() -> s.add(article))));

        assertThat(author.id).isNotNull();
        assertThat(await(db.aselect(Author.class).filter(Author_.id.eq(author.id)).getOrRaise()).name).isEqualTo("reached");
    }

    @Test
    void flushOfAHundredObjectsWhoseFiftiethViolatesNotNullLeavesTheTableAsBefore() {
        savedArticle("before");
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            articles.add(new Article(i == 49 ? null : "article-" + i));
        }

        assertThatThrownBy(() -> await(db.session(s -> {
            articles.forEach(s::add);
            return db.aflush();
        }))).isInstanceOf(io.nextorm.SqlExecutionException.class);

        assertThat(await(db.aselect(Article.class).fetchAll())).extracting(Article::getTitle).containsExactly("before");
        assertThat(articles).extracting(Article::getId).containsOnlyNulls();
    }

    @Test
    void flushWithADuplicateUniqueValueLeavesTheTablesAsBefore() {
        Article existing = savedArticle("before");
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Article article = new Article("article-" + i);
            article.setSlug(i == 49 ? "slug-0" : "slug-" + i);
            articles.add(article);
        }

        assertThatThrownBy(() -> await(db.session(s -> load(existing.getId())
                .doOnNext(a -> a.setTitle("changed in the failed session"))
                .doOnNext(a -> articles.forEach(s::add))
                .then(Mono.fromRunnable(() -> s.add(new Author("also new")))))))
                .isInstanceOf(io.nextorm.SqlExecutionException.class);

        assertThat(await(db.aselect(Article.class).fetchAll())).extracting(Article::getTitle).containsExactly("before");
        assertThat(await(db.aselect(Author.class).count())).isZero();
    }

    @Test
    void hooksRunBeforeAllWritesThenAfterAllOfThemInTheOrderObjectsEnteredTheSession() {
        Journal existing = await(db.asave(new Journal("c", null)));
        List<String> log = Collections.synchronizedList(new ArrayList<>());

        await(db.session(s -> db.aselect(Journal.class).getOrRaise().doOnNext(c -> {
            c.log = log;
            c.name = "c2";
            s.add(new Journal("a", log));
            s.add(new Journal("b", log));
        })));

        assertThat(existing.id).isNotNull();
        assertThat(log).containsExactly("c2:beforeUpdate", "a:beforeInsert", "b:beforeInsert",
                "c2:afterUpdate", "a:afterInsert", "b:afterInsert");
    }

    @Test
    void objectsWithoutHooksInTheSameFlushAreWrittenAndTheHookedOnesKeepTheirOrder() {
        await(db.asave(new Journal("c", null)));
        await(db.asave(new Author("ann")));
        List<String> log = Collections.synchronizedList(new ArrayList<>());

        await(db.session(s -> db.aselect(Author.class).getOrRaise().zipWith(db.aselect(Journal.class).getOrRaise())
                .doOnNext(loaded -> {
                    loaded.getT1().email = "ann@example.com";
                    s.add(new Author("bob"));
                    loaded.getT2().log = log;
                    loaded.getT2().name = "c2";
                    s.add(new Journal("a", log));
                    s.add(new Author("cy"));
                })));

        assertThat(log).containsExactly("c2:beforeUpdate", "a:beforeInsert", "c2:afterUpdate", "a:afterInsert");
        assertThat(await(db.aselect(Author.class).fetchAll())).extracting(a -> a.name + "/" + a.email)
                .containsExactlyInAnyOrder("ann/ann@example.com", "bob/null", "cy/null");
        assertThat(await(db.aselect(Journal.class).fetchAll())).extracting(j -> j.name)
                .containsExactlyInAnyOrder("c2", "a");
    }

    @Test
    void asaveInsideASessionWritesAtOnceAndTracksTheObject() {
        Author author = new Author("ann");
        db.clearLocalStats();

        long[] seen = await(db.session(s -> db.asave(author)
                .then(db.aselect(Author.class).count().contextWrite(ctx -> reactor.util.context.Context.empty()))
                .map(count -> new long[] {count, s.contains(author) ? 1 : 0})
                .doOnNext(x -> author.email = "ann@example.com")));

        assertThat(seen).as("not visible to others before the commit; tracked").containsExactly(0, 1);
        assertThat(statements("UPDATE")).isEqualTo(1);
        assertThat(await(db.aselect(Author.class).getOrRaise()).email).isEqualTo("ann@example.com");
    }

    @Test
    void asaveOfALoadedObjectInASessionWritesOnlyItsChangedColumns() {
        Article saved = savedArticle("old");
        db.clearLocalStats();

        await(db.session(s -> load(saved.getId()).flatMap(a -> {
            a.setViews(99);
            return db.asave(a).then(db.asave(a));
        })));

        List<String> writes = writes();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).toLowerCase()).contains("views").doesNotContain("title");
        assertThat(db.localStats().get(writes.get(0)).count()).isEqualTo(1);
    }

    @Test
    void savingAReferenceLoadedOnlyByItsKeyIsRefusedOutsideASessionAndWrittenInOne() {
        Author author = await(db.asave(new Author("ann")));
        Article article = new Article("a");
        article.setAuthor(author);
        await(db.asave(article));

        Author stub = await(load(article.getId())).getAuthor();
        assertThatThrownBy(() -> await(db.asave(stub))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Author[" + author.id + "]").hasMessageContaining("only by its key");
        assertThat(await(db.aselect(Author.class).getOrRaise()).name).isEqualTo("ann");

        await(db.session(s -> load(article.getId()).flatMap(a -> {
            a.getAuthor().email = "ann@example.com";
            return db.asave(a.getAuthor());
        })));
        Author stored = await(db.aselect(Author.class).getOrRaise());
        assertThat(stored.name).isEqualTo("ann");
        assertThat(stored.email).isEqualTo("ann@example.com");
    }

    @Test
    void changingAReferenceLoadedOnlyByItsKeyWritesTheChangedColumnOnly() {
        Author author = await(db.asave(new Author("ann")));
        Article article = new Article("a");
        article.setAuthor(author);
        await(db.asave(article));

        await(db.session(s -> load(article.getId()).doOnNext(a -> a.getAuthor().email = "changed on a stub")));

        Author stored = await(db.aselect(Author.class).getOrRaise());
        assertThat(stored.name).isEqualTo("ann");
        assertThat(stored.email).isEqualTo("changed on a stub");
    }

    @Test
    void deletingInASessionRemovesTheObjectFromTheIdentityMap() {
        Author saved = await(db.asave(new Author("ann")));

        List<Boolean> contained = await(db.session(s -> db.aselect(Author.class).getOrRaise().flatMap(a -> {
            boolean before = s.contains(a);
            return db.adeleteInstance(a).then(Mono.fromCallable(() -> List.of(before, s.contains(a))));
        })));

        assertThat(contained).containsExactly(true, false);
        assertThat(await(db.aselect(Author.class).filter(Author_.id.eq(saved.id)).exists())).isFalse();
    }

    @Test
    void objectAddedAndDeletedBeforeTheFlushIsNeverInserted() {
        db.clearLocalStats();

        await(db.session(s -> db.adeleteInstance(s.add(new Author("never")))));

        assertThat(writes()).isEmpty();
    }
}
