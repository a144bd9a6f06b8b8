package io.nextorm.kit;

import io.nextorm.OptimisticCheckException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PonyORM's optimistic checks: no update is ever lost silently. */
class OptimisticCheckTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    /**
     * Two sessions read the same row; the first changes it and commits; then the second changes it.
     *
     * @return the second session's outcome
     */
    private <E> CompletableFuture<Void> race(Function<Void, Mono<E>> load, Consumer<E> first, Consumer<E> second) {
        return race(load, first, (s, e) -> second.accept(e));
    }

    private <E> CompletableFuture<Void> race(Function<Void, Mono<E>> load, Consumer<E> first,
                                             java.util.function.BiConsumer<io.nextorm.DbSession, E> second) {
        Sinks.Empty<Void> secondRead = Sinks.empty();
        Sinks.Empty<Void> firstCommitted = Sinks.empty();
        CompletableFuture<Void> late = db.session(s -> load.apply(null)
                        .doOnNext(e -> secondRead.tryEmitEmpty())
                        .flatMap(e -> firstCommitted.asMono().then(Mono.fromRunnable(() -> second.accept(s, e)))))
                .then().toFuture();
        await(secondRead.asMono());
        await(db.session(s -> load.apply(null).doOnNext(first)));
        firstCommitted.tryEmitEmpty();
        return late;
    }

    private static Throwable failureOf(CompletableFuture<Void> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the second session did not end", e);
        }
    }

    @Test
    void secondChangeOfAVersionedRowFailsAndTheFirstValueStays() throws InterruptedException {
        Article saved = await(db.asave(new Article("original")));
        Function<Void, Mono<Article>> load = x -> db.aselect(Article.class).filter(Article_.id.eq(saved.getId())).getOrRaise();

        Throwable failure = failureOf(race(load, a -> a.setTitle("first"), a -> a.setViews(5)));

        assertThat(failure).isInstanceOf(OptimisticCheckException.class)
                .hasMessageContaining("Article[" + saved.getId() + "]").hasMessageContaining("version");
        Article stored = await(load.apply(null));
        assertThat(stored.getTitle()).isEqualTo("first");
        assertThat(stored.getViews()).isZero();
        assertThat(stored.getVersion()).isEqualTo(saved.getVersion() + 1);
    }

    @Test
    void secondChangeOfTheSameColumnWithoutVersionFailsAndTheFirstValueStays() throws InterruptedException {
        Author saved = await(db.asave(new Author("original")));
        Function<Void, Mono<Author>> load = x -> db.aselect(Author.class).filter(Author_.id.eq(saved.id)).getOrRaise();

        Throwable failure = failureOf(race(load, a -> a.name = "first", a -> a.name = "second"));

        assertThat(failure).isInstanceOf(OptimisticCheckException.class)
                .hasMessageContaining("Author[" + saved.id + "]").hasMessageContaining("name");
        assertThat(await(load.apply(null)).name).isEqualTo("first");
    }

    @Test
    void valueReadAsNullIsCheckedWithIsNull() throws InterruptedException {
        Author saved = await(db.asave(new Author("ann")));
        Function<Void, Mono<Author>> load = x -> db.aselect(Author.class).filter(Author_.id.eq(saved.id)).getOrRaise();

        Throwable failure = failureOf(race(load, a -> a.email = "first@example.com", a -> a.email = "second@example.com"));

        assertThat(failure).isInstanceOf(OptimisticCheckException.class).hasMessageContaining("email");
        assertThat(await(load.apply(null)).email).isEqualTo("first@example.com");
    }

    @Test
    void changesOfDifferentColumnsWithoutVersionDoNotConflict() throws InterruptedException {
        Author saved = await(db.asave(new Author("ann")));
        Function<Void, Mono<Author>> load = x -> db.aselect(Author.class).filter(Author_.id.eq(saved.id)).getOrRaise();

        Throwable failure = failureOf(race(load, a -> a.name = "anna", a -> a.email = "ann@example.com"));

        assertThat(failure).isNull();
        Author stored = await(load.apply(null));
        assertThat(stored.name).isEqualTo("anna");
        assertThat(stored.email).isEqualTo("ann@example.com");
    }

    @Test
    void failedCheckRollsBackTheWholeSession() throws InterruptedException {
        Author saved = await(db.asave(new Author("original")));
        Function<Void, Mono<Author>> load = x -> db.aselect(Author.class).filter(Author_.id.eq(saved.id)).getOrRaise();
        Author alsoNew = new Author("written before the failed update");

        Throwable failure = failureOf(race(load, a -> a.name = "first", (s, a) -> {
            a.name = "second";
            s.add(alsoNew);
        }));

        assertThat(failure).isInstanceOf(OptimisticCheckException.class);
        assertThat(await(db.aselect(Author.class).fetchAll())).extracting(a -> a.name).containsExactly("first");
        assertThat(alsoNew.id).as("the key of a rolled-back INSERT is taken back").isNull();
    }

    @Test
    void updatingARowDeletedByAnotherTransactionFails() {
        Author saved = await(db.asave(new Author("ann")));

        assertThatThrownBy(() -> await(db.session(s -> db.aselect(Author.class).getOrRaise()
                .flatMap(a -> db.execute("DELETE FROM author").contextWrite(ctx -> reactor.util.context.Context.empty())
                        .doOnNext(n -> a.name = "changed")))))
                .isInstanceOf(OptimisticCheckException.class).hasMessageContaining("Author[" + saved.id + "]");
    }

    @Test
    void rowsChangedAlikeAreWrittenTogetherEachWithItsCheck() {
        for (String name : List.of("a1", "a2", "a3", "a4")) {
            await(db.asave(new Author(name)));
        }
        Function<Void, Mono<List<Author>>> all = x -> db.aselect(Author.class).orderBy(Author_.name.asc()).fetchAll();
        db.clearLocalStats();

        await(db.session(s -> all.apply(null).doOnNext(authors -> authors.forEach(a -> a.name = a.name + "!"))));
        assertThat(await(all.apply(null))).extracting(a -> a.name).containsExactly("a1!", "a2!", "a3!", "a4!");
        assertThat(db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith("UPDATE author"))
                .mapToLong(e -> e.getValue().count()).sum())
                .as("one UPDATE of every row on PostgreSQL and MariaDB, else one execution per row sent as one batch")
                .isEqualTo(target == io.nextorm.testkit.TestDatabase.POSTGRES
                        || target == io.nextorm.testkit.TestDatabase.MARIADB ? 1L : 4L);

        Author third = await(all.apply(null)).get(2);
        assertThatThrownBy(() -> await(db.session(s -> all.apply(null)
                .flatMap(authors -> db.execute("UPDATE author SET name = 'behind' WHERE id = " + third.id).thenReturn(authors))
                .doOnNext(authors -> authors.forEach(a -> a.name = a.name + "?")))))
                .isInstanceOf(OptimisticCheckException.class).hasMessageContaining("Author[" + third.id + "]")
                .hasMessageContaining("[name]");
        assertThat(await(all.apply(null))).as("the whole flush rolled back").extracting(a -> a.name)
                .containsExactly("a1!", "a2!", "a3!", "a4!");
    }

    @Test
    void versionedRowsWrittenTogetherEachTakeTheirNextVersion() {
        List<Article> saved = List.of(await(db.asave(new Article("x"))), await(db.asave(new Article("y"))),
                await(db.asave(new Article("z"))));

        List<Article> changed = await(db.session(s -> db.aselect(Article.class).orderBy(Article_.title.asc()).fetchAll()
                .doOnNext(articles -> articles.forEach(a -> a.setViews(a.getViews() + 2)))));

        assertThat(changed).extracting(Article::getVersion).containsExactly(saved.get(0).getVersion() + 1,
                saved.get(1).getVersion() + 1, saved.get(2).getVersion() + 1);
        assertThat(await(db.aselect(Article.class).orderBy(Article_.title.asc()).fetchAll()))
                .extracting(a -> a.getViews() + "/" + a.getVersion())
                .containsExactly("2/" + (saved.get(0).getVersion() + 1), "2/" + (saved.get(1).getVersion() + 1),
                        "2/" + (saved.get(2).getVersion() + 1));
    }
}
