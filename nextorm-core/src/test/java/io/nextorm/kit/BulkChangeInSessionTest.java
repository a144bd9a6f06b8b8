package io.nextorm.kit;

import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk update and delete inside a session keep its identity map consistent with the database. */
class BulkChangeInSessionTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @Test
    void bulkUpdateReloadsTheLoadedObjectsOfItsEntity() {
        await(db.asave(new Author("ann")));

        List<Object> seen = await(db.session(s -> db.aselect(Author.class).getOrRaise().flatMap(ann ->
                db.aselect(Author.class).update(Author_.email.set("all@example.com"))
                        .then(db.aselect(Author.class).getOrRaise())
                        .map(again -> List.of(ann.email, again == ann)))));

        assertThat(seen).containsExactly("all@example.com", true);
    }

    @Test
    void aBulkUpdateThatMovesReferencesReloadsTheLoadedSetsOverThem() {
        Author ann = await(db.asave(new Author("ann")));
        Author bob = await(db.asave(new Author("bob")));
        Article first = new Article("first");
        first.setAuthor(ann);
        Article second = new Article("second");
        second.setAuthor(ann);
        await(db.asave(first));
        await(db.asave(second));

        List<Integer> sizes = await(db.session(s -> db.aselect(Author.class).orderBy(Author_.name.asc())
                .prefetch(Author_.articles).fetchAll()
                .flatMap(both -> db.aselect(Article.class).update(java.util.Map.of("author", both.get(1)))
                        .then(db.<Article>loadSet(both.get(0), "articles"))
                        .flatMap(anns -> db.<Article>loadSet(both.get(1), "articles")
                                .map(bobs -> List.of(anns.size(), bobs.size()))))));

        assertThat(sizes).containsExactly(0, 2);
    }

    @Test
    void changesMadeBeforeABulkUpdateAreWrittenBeforeIt() {
        await(db.asave(new Author("ann")));

        await(db.session(s -> db.aselect(Author.class).getOrRaise().flatMap(ann -> {
            ann.name = "changed first";
            ann.email = "changed first";
            return db.aselect(Author.class).update(Author_.email.set("bulk, later"));
        })));

        Author stored = await(db.aselect(Author.class).getOrRaise());
        assertThat(stored.name).isEqualTo("changed first");
        assertThat(stored.email).isEqualTo("bulk, later");
    }

    @Test
    void bulkDeleteDropsTheDeletedObjectsFromTheIdentityMap() {
        await(db.asave(new Author("ann")));
        await(db.asave(new Author("bob")));

        List<Boolean> contained = await(db.session(s -> db.aselect(Author.class).orderBy(Author_.name.asc()).fetchAll()
                .flatMap(both -> db.aselect(Author.class).filter(Author_.name.eq("ann")).delete()
                        .then(Mono.fromCallable(() -> List.of(s.contains(both.get(0)), s.contains(both.get(1))))))));

        assertThat(contained).containsExactly(false, true);
    }

    @Test
    void objectDeletedInBulkIsNotWrittenBackAtTheEnd() {
        await(db.asave(new Author("ann")));
        db.clearLocalStats();

        await(db.session(s -> db.aselect(Author.class).getOrRaise().flatMap(ann ->
                db.aselect(Author.class).delete().doOnNext(n -> ann.name = "changed after its row was deleted"))));

        assertThat(db.localStats().keySet()).noneMatch(sql -> sql.startsWith("UPDATE"));
        assertThat(await(db.aselect(Author.class).count())).isZero();
    }
}
