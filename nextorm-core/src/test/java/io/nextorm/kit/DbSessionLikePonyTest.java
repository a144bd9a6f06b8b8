package io.nextorm.kit;

import io.nextorm.Lazy;
import io.nextorm.OptimisticCheckException;
import io.nextorm.QueryStat;
import io.nextorm.SessionOptions;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sessions that behave like PonyORM's db_session (issue 11): each test is one of its behaviours. */
class DbSessionLikePonyTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class, Shelf.class, Book.class, Box.class, Item.class);
    }

    private Book bookOnShelf(String shelfName, String title) {
        Shelf shelf = await(db.asave(new Shelf(shelfName)));
        return await(db.asave(new Book(title, shelf)));
    }

    private long statements() {
        return db.localStats().values().stream().mapToLong(QueryStat::count).sum();
    }

    // ---- item 1: lazy load through a stub ----

    @Test
    void loadingALazyFieldOfAStubLeavesNothingToWrite() {
        Book saved = bookOnShelf("s", "b");
        await(db.aselect(Shelf.class).update(java.util.Map.of("note", "quiet")));

        String note = await(db.session(s -> db.getByKey(Book.class, saved.id)
                .flatMap(book -> db.<String>loadLazyField(book.shelf, "note"))));

        assertThat(note).isEqualTo("quiet");
        assertThat(await(db.aselect(Shelf.class).getOrRaise()).name).isEqualTo("s");
    }

    // ---- item 8: a changed stub is written ----

    @Test
    void changingAStubAndFlushingWritesTheChange() {
        Book saved = bookOnShelf("old", "b");

        await(db.session(s -> db.getByKey(Book.class, saved.id).doOnNext(book -> book.shelf.name = "new")));

        assertThat(await(db.aselect(Shelf.class).getOrRaise()).name).isEqualTo("new");
    }

    // ---- item 3: hooks in the order objects entered the session ----

    @Test
    void hooksRunInTheOrderObjectsWereAddedOrChanged() {
        Shelf first = await(db.asave(new Shelf("A")));
        List<String> log = new ArrayList<>();

        await(db.session(s -> {
            Shelf b = s.add(new Shelf("B"));
            b.log = log;
            return db.getByKey(Shelf.class, first.id).doOnNext(a -> {
                a.log = log;
                a.name = "A2";
                Shelf c = s.add(new Shelf("C"));
                c.log = log;
            });
        }));

        assertThat(log).containsExactly("B:beforeInsert", "B:afterInsert",
                "A2:beforeUpdate", "C:beforeInsert", "A2:afterUpdate", "C:afterInsert");
    }

    @Test
    void theHookOfAChangeMadeAfterAnAddRunsAfterTheAddedObjects() {
        Shelf first = await(db.asave(new Shelf("A")));
        List<String> log = new ArrayList<>();

        await(db.session(s -> db.getByKey(Shelf.class, first.id).doOnNext(a -> {
            a.log = log;
            Shelf b = s.add(new Shelf("B"));
            b.log = log;
            a.name = "A2";
        })));

        assertThat(log).containsExactly("B:beforeInsert", "A2:beforeUpdate", "B:afterInsert", "A2:afterUpdate");
    }

    // ---- item 2: assigning a set replaces it ----

    @Test
    void assigningANewSetToAnUnloadedOneUnlinksTheOldMembers() {
        Author author = await(db.asave(new Author("ann")));
        for (String title : List.of("a1", "a2")) {
            Article article = new Article(title);
            article.setAuthor(author);
            await(db.asave(article));
        }

        await(db.session(s -> db.getByKey(Author.class, author.id).doOnNext(loaded -> {
            Article fresh = new Article("a3");
            loaded.articles = new HashSet<>(Set.of(fresh));
        })));

        List<String> owned = await(db.aselect(Article.class).filter(Article_.author.eq(author)).fetchAll())
                .stream().map(Article::getTitle).toList();
        assertThat(owned).containsExactly("a3");
        assertThat(await(db.aselect(Article.class).count())).isEqualTo(3);
    }

    @Test
    void assigningANewManyToManySetRemovesTheOldLinks() {
        Tag red = await(db.asave(new Tag("red")));
        Tag blue = await(db.asave(new Tag("blue")));
        Article article = new Article("a");
        article.setTags(new HashSet<>(Set.of(red)));
        Article saved = await(db.session(s -> Mono.just(s.add(article))));

        await(db.session(s -> db.getByKey(Article.class, saved.getId()).zipWith(db.getByKey(Tag.class, blue.id))
                .doOnNext(pair -> pair.getT1().setTags(new HashSet<>(Set.of(pair.getT2()))))));

        Set<String> tags = await(db.session(s -> db.getByKey(Article.class, saved.getId())
                .flatMap(a -> db.<Tag>loadSet(a, "tags")).map(set -> {
                    Set<String> names = new HashSet<>();
                    set.forEach(tag -> names.add(tag.name));
                    return names;
                })));
        assertThat(tags).containsExactly("blue");
    }

    // ---- item 4: autoflush ----

    @Test
    void aQueryInASessionSeesObjectsAddedAndChangesNotFlushed() {
        await(db.asave(new Author("bob")));

        List<Long> counts = await(db.session(s -> {
            s.add(new Author("ann"));
            return db.aselect(Author.class).count()
                    .zipWith(db.aselect(Author.class).filter(Author_.name.eq("bob")).getOrRaise()
                            .doOnNext(bob -> bob.name = "robert")
                            .then(db.aselect(Author.class).filter(Author_.name.eq("robert")).count()))
                    .map(t -> List.of(t.getT1(), t.getT2()));
        }));

        assertThat(counts).containsExactly(2L, 1L);
    }

    // ---- item 5: getByKey from the identity map ----

    @Test
    void getByKeyOfALoadedObjectSendsNoSql() {
        Author saved = await(db.asave(new Author("ann")));

        long[] sent = new long[1];
        List<Author> found = await(db.session(s -> db.aselect(Author.class).getOrRaise().flatMap(loaded -> {
            db.clearLocalStats();
            return db.getByKey(Author.class, saved.id.intValue())
                    .zipWith(db.aselect(Author.class).filter(Author_.id.eq(saved.id)).get())
                    .doOnNext(t -> sent[0] = statements())
                    .map(t -> List.of(loaded, t.getT1(), t.getT2()));
        })));

        assertThat(sent[0]).isZero();
        assertThat(found.get(1)).isSameAs(found.get(0));
        assertThat(found.get(2)).isSameAs(found.get(0));
    }

    @Test
    void getByKeyLoadsWhatTheSessionDoesNotHoldAndIsEmptyForAMissingKey() {
        Author saved = await(db.asave(new Author("ann")));

        assertThat(await(db.getByKey(Author.class, saved.id)).name).isEqualTo("ann");
        Author missing = await(db.session(s -> db.getByKey(Author.class, saved.id + 100)));
        assertThat(missing).isNull();
        assertThatThrownBy(() -> db.getByKey(Author.class, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
        assertThatThrownBy(() -> db.getByKey(null, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- item 6: a lazy field compared with a value is loaded ----

    @Test
    void filteringOnALazyFieldLeavesItsValueLoaded() {
        Article article = new Article("a");
        article.setBody(Lazy.of("the text"));
        await(db.asave(article));

        Article found = await(db.session(s -> db.aselect(Article.class).filter(Article_.body.eq("the text")).getOrRaise()));
        Article outside = await(db.aselect(Article.class).filter(Article_.body.eq("the text")).getOrRaise());

        assertThat(found.getBody().isLoaded()).isTrue();
        assertThat(found.getBody().get()).isEqualTo("the text");
        assertThat(outside.getBody().isLoaded()).isTrue();
    }

    // ---- item 7: removing from a one-to-many set with a required back-reference ----

    @Test
    void removingFromACascadeDeleteSetDeletesTheMember() {
        Book kept = bookOnShelf("s", "kept");
        Book gone = await(db.asave(new Book("gone", kept.shelf)));

        await(db.session(s -> db.getByKey(Shelf.class, kept.shelf.id)
                .flatMap(shelf -> db.<Book>loadSet(shelf, "books"))
                .doOnNext(books -> books.removeIf(book -> book.title.equals("gone")))));

        List<String> titles = await(db.aselect(Book.class).fetchAll()).stream().map(book -> book.title).toList();
        assertThat(titles).containsExactly("kept");
        assertThat(await(db.getByKey(Book.class, gone.id))).isNull();
    }

    @Test
    void removingFromARequiredSetWithoutCascadeSaysWhatToDo() {
        Box box = await(db.asave(new Box("box")));
        await(db.asave(new Item("pen", box)));

        assertThatThrownBy(() -> await(db.session(s -> db.getByKey(Box.class, box.id)
                .flatMap(loaded -> db.<Item>loadSet(loaded, "items"))
                .doOnNext(Set::clear))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Item[")
                .hasMessageContaining("is required")
                .hasMessageContaining("adeleteInstance")
                .hasMessageContaining("@CascadeDelete")
                .hasMessageContaining("@Nullable");
        assertThat(await(db.aselect(Item.class).count())).isEqualTo(1);
    }

    // ---- options: retry ----

    @Test
    void retryRunsTheWorkAgainInAFreshSessionOnTheListedErrors() {
        Author saved = await(db.asave(new Author("ann")));
        AtomicInteger runs = new AtomicInteger();
        List<Object> loaded = new ArrayList<>();

        String name = await(db.session(SessionOptions.retry(3).on(OptimisticCheckException.class),
                s -> db.getByKey(Author.class, saved.id).flatMap(author -> {
                    loaded.add(author);
                    author.name = "run " + runs.incrementAndGet();
                    return runs.get() < 3 ? Mono.error(new OptimisticCheckException("conflict " + runs.get()))
                            : Mono.just(author.name);
                })));

        assertThat(name).isEqualTo("run 3");
        assertThat(loaded).hasSize(3).doesNotHaveDuplicates();
        assertThat(loaded.get(1)).isNotSameAs(loaded.get(0));
        assertThat(await(db.getByKey(Author.class, saved.id)).name).isEqualTo("run 3");
    }

    @Test
    void retryStopsAtItsBoundAndLeavesOtherErrorsAlone() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> await(db.session(SessionOptions.retry(2),
                s -> Mono.error(new OptimisticCheckException("conflict " + runs.incrementAndGet())))))
                .isInstanceOf(OptimisticCheckException.class).hasMessage("conflict 3");
        runs.set(0);
        assertThatThrownBy(() -> await(db.session(SessionOptions.retry(2).on(OptimisticCheckException.class),
                s -> Mono.error(new IllegalStateException("other " + runs.incrementAndGet())))))
                .hasMessage("other 1");
    }

    @Test
    void sessionOptionsRefuseNonsense() {
        assertThatThrownBy(() -> SessionOptions.retry(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> SessionOptions.retry(1).on()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> await(db.session((SessionOptions) null, s -> Mono.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SessionOptions.defaults()");
    }

    // ---- options: read-only ----

    @Test
    void aReadOnlySessionReadsAndRefusesWritesNamingTheObject() {
        Author saved = await(db.asave(new Author("ann")));

        assertThat(await(db.session(SessionOptions.readOnly(), s -> db.getByKey(Author.class, saved.id))).name)
                .isEqualTo("ann");
        assertThatThrownBy(() -> await(db.session(SessionOptions.readOnly(),
                s -> db.getByKey(Author.class, saved.id).doOnNext(a -> a.name = "bob"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Author[" + saved.id + "]").hasMessageContaining("read-only");
        assertThatThrownBy(() -> await(db.session(SessionOptions.readOnly(), s -> Mono.just(s.add(new Author("x"))))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> await(db.session(SessionOptions.readOnly(), s -> db.asave(new Author("x")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(await(db.getByKey(Author.class, saved.id)).name).isEqualTo("ann");
        assertThat(await(db.aselect(Author.class).count())).isEqualTo(1);
    }

    // ---- strict scope ----

    @Test
    void anObjectUsedAfterItsSessionEndedIsRefused() {
        Author saved = await(db.asave(new Author("ann")));
        Author loaded = await(db.session(s -> db.getByKey(Author.class, saved.id)));

        assertThatThrownBy(() -> await(db.loadSet(loaded, "articles")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("session")
                .hasMessageContaining("Author[" + saved.id + "]");
        loaded.name = "bob";
        assertThatThrownBy(() -> await(db.asave(loaded))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> await(db.session(s -> db.asave(loaded)))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> await(db.session(s -> Mono.just(s.add(loaded))))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("load it again");
        assertThatThrownBy(() -> await(db.adeleteInstance(loaded))).isInstanceOf(IllegalStateException.class);
        assertThat(await(db.getByKey(Author.class, saved.id)).name).isEqualTo("ann");
    }
}
