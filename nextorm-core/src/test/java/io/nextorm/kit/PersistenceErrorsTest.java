package io.nextorm.kit;

import io.nextorm.ObjectNotFoundException;
import io.nextorm.OptimisticCheckException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One persistence path, one wording per error: single-entity writes and the flush fail alike. */
class PersistenceErrorsTest extends DatabaseTestKit {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @Test
    void aStaleUpdateAndAStaleDeleteFailWithTheSameWording() {
        Article stale = await(db.asave(new Article("original")));
        await(db.execute("UPDATE article SET version = version + 1"));
        stale.setTitle("stale");
        String prefix = "Article[" + stale.getId() + "] was changed or deleted by another transaction since it was "
                + "read (its version is no longer " + stale.getVersion() + "); the ";

        StepVerifier.create(db.asave(stale))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(OptimisticCheckException.class)
                        .hasMessageStartingWith(prefix + "update of [").hasMessageEndingWith("] was not written"))
                .verify(WAIT);
        StepVerifier.create(db.adeleteInstance(stale))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(OptimisticCheckException.class)
                        .hasMessage(prefix + "delete was not written"))
                .verify(WAIT);
        assertThat(await(db.aselect(Article.class).count())).isEqualTo(1L);
    }

    @Test
    void aDeleteOfARowThatIsGoneRaisesObjectNotFound() {
        Author author = await(db.asave(new Author("ann")));
        await(db.adeleteInstance(author));
        StepVerifier.create(db.adeleteInstance(author))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ObjectNotFoundException.class)
                        .hasMessage("There is no Author[" + author.id + "] to delete"))
                .verify(WAIT);
    }

    @Test
    void aFlushedInsertOfManyObjectsGetsEveryGeneratedKeyInOrder() {
        List<Author> authors = List.of(new Author("a"), new Author("b"), new Author("c"));
        StepVerifier.create(db.session(s -> {
                    authors.forEach(s::add);
                    return db.aflush();
                }))
                .verifyComplete();
        assertThat(authors).allSatisfy(author -> assertThat(author.id).isNotNull());
        assertThat(authors.get(0).id).isLessThan(authors.get(1).id);
        assertThat(authors.get(1).id).isLessThan(authors.get(2).id);
    }
}
