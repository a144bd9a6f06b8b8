package io.nextorm.kit;

import io.nextorm.AsyncDatabase;
import io.nextorm.Conditions;
import io.nextorm.MultipleObjectsFoundException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code fetchOne()} and {@code get()}: a query by key only has one row at most, so it is sent
 * without a LIMIT; any other query asks for one row ({@code fetchOne}) or two ({@code get}, to tell
 * one match from several). Every single-row read is read to its end, so it leaves its pooled
 * connection reusable.
 */
class KeyLookupTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private Author saved(String name) {
        return await(db.asave(new Author(name)));
    }

    @Test
    void aLookupByKeyIsSentWithoutALimitAndFindsItsRow() {
        saved("ann");
        Author bob = saved("bob");
        assertThat(await(db.aselect(Author.class).filter(Author_.id.eq(bob.id)).fetchOne()).name).isEqualTo("bob");
        assertThat(db.lastSql()).doesNotContain("LIMIT").contains("WHERE");
        assertThat(await(db.aselect(Author.class).filter(Author_.id.eq(bob.id)).get()).name).isEqualTo("bob");
        assertThat(db.lastSql()).doesNotContain("LIMIT");
        assertThat(await(db.aselect(Author.class).filter(Author_.id.eq(bob.id + 1000)).fetchOne())).isNull();
        assertThat(await(db.aselect(Author.class).filter(Author_.id.eq(bob.id + 1000)).get())).isNull();
    }

    @Test
    void aLambdaLookupByKeyIsOneToo() {
        await(db.asave(new Article("other")));
        long key = await(db.asave(new Article("wanted"))).getId();
        assertThat(await(db.aselect(Article.class).where(a -> a.getId() == key).fetchOne()).getTitle()).isEqualTo("wanted");
        assertThat(db.lastSql()).doesNotContain("LIMIT");
        assertThat(await(db.aselect(Article.class).where(a -> a.getId() == key).get()).getTitle()).isEqualTo("wanted");
        assertThat(db.lastSql()).doesNotContain("LIMIT");
    }

    @Test
    void aGetByKeyInASessionOfAnObjectItHoldsSendsNoSql() {
        Author ann = saved("ann");
        db.clearLocalStats();
        List<Author> twice = await(db.session(s -> db.aselect(Author.class).filter(Author_.id.eq(ann.id)).fetchOne()
                .flatMap(first -> db.aselect(Author.class).filter(Author_.id.eq(ann.id)).get()
                        .map(second -> List.of(first, second)))));
        assertThat(twice.get(0)).isSameAs(twice.get(1));
        assertThat(twice.get(0).name).isEqualTo("ann");
        // the fetchOne's SELECT only: the get found the object in the session's identity map
        assertThat(db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith("SELECT"))
                .mapToLong(e -> e.getValue().count()).sum()).isEqualTo(1);
    }

    @Test
    void aKeyOnTheRightOrInsideAnAndIsALookupByKeyToo() {
        Author ann = saved("ann");
        saved("bob");
        long key = ann.id;
        // the value on the left (key == a.id); the key twice, ANDed, with one value (and() of one condition is
        // that condition, so two are given)
        assertThat(await(db.aselect(Author.class).where(a -> key == a.id).fetchOne()).name).isEqualTo("ann");
        assertThat(db.lastSql()).doesNotContain("LIMIT");
        assertThat(await(db.aselect(Author.class).filter(Conditions.and(Author_.id.eq(ann.id), Author_.id.eq(ann.id))).get()).name)
                .isEqualTo("ann");
        assertThat(db.lastSql()).doesNotContain("LIMIT");
        db.clearLocalStats();
        Author held = await(db.session(s -> db.aselect(Author.class).filter(Author_.id.eq(ann.id)).fetchOne()
                .flatMap(first -> db.aselect(Author.class).filter(Conditions.and(Author_.id.eq(ann.id), Author_.id.eq(ann.id))).get()
                        .filter(second -> second == first))));
        assertThat(held).isNotNull();
        assertThat(db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith("SELECT"))
                .mapToLong(e -> e.getValue().count()).sum()).isEqualTo(1);
        // a key compared with another column, or an OR of keys, is no lookup by key
        assertThat(await(db.aselect(Author.class).filter(Conditions.or(Author_.id.eq(ann.id), Author_.name.eq("bob")))
                .fetchOne())).isNotNull();
        assertThat(db.lastSql()).contains("LIMIT");
    }

    @Test
    void aKeyAndAnotherConditionInOneAndIsNoLookupByKeyEvenInASession() {
        Author ann = saved("ann");
        long key = ann.id;
        // the session holds ann; a condition on another column must still be asked of the database
        Author found = await(db.session(s -> db.aselect(Author.class).filter(Author_.id.eq(ann.id)).fetchOne()
                .then(db.aselect(Author.class).where(a -> a.id == key && a.name.equals("other")).get())));
        assertThat(found).isNull();
        Author again = await(db.session(s -> db.aselect(Author.class).filter(Author_.id.eq(ann.id)).fetchOne()
                .then(db.aselect(Author.class).filter(Conditions.and(Author_.id.eq(ann.id), Author_.name.eq("x")))
                        .get())));
        assertThat(again).isNull();
        // two different keys ANDed select nothing, not the object of either
        Author neither = await(db.session(s -> db.aselect(Author.class).filter(Author_.id.eq(ann.id)).fetchOne()
                .then(db.aselect(Author.class).filter(Conditions.and(Author_.id.eq(ann.id), Author_.id.eq(ann.id + 1000)))
                        .get())));
        assertThat(neither).isNull();
    }

    @Test
    void anyOtherQueryStillStopsAtOneRowOrTellsSeveralFromOne() {
        Author ann = saved("same");
        saved("same");
        assertThat(await(db.aselect(Author.class).filter(Author_.name.eq("same")).fetchOne()).name).isEqualTo("same");
        assertThat(db.lastSql()).contains("LIMIT");
        assertThatThrownBy(() -> await(db.aselect(Author.class).filter(Author_.name.eq("same")).get()))
                .isInstanceOf(MultipleObjectsFoundException.class).hasMessageContaining("More than one Author");
        // a key and one more condition: not a lookup by key only, and here nothing matches
        assertThat(await(db.aselect(Author.class).filter(Author_.id.eq(ann.id), Author_.name.eq("other")).fetchOne()))
                .isNull();
        assertThat(db.lastSql()).contains("LIMIT");
        // a limit of the caller's own is kept
        assertThat(await(db.aselect(Author.class).filter(Author_.id.eq(ann.id)).limit(1).fetchOne()).id).isEqualTo(ann.id);
        assertThat(db.lastSql()).contains("LIMIT");
    }

    @Test
    void singleRowReadsLeaveTheirPooledConnectionReusable() {
        AsyncDatabase one = new AsyncDatabase(entities());
        try {
            one.bind(target.provider(), target.url(), Map.of("pool.maxSize", 1)).block(TIMEOUT);
            one.generateMapping(true, true).block(TIMEOUT);
            Author ann = await(one.asave(new Author("ann")));
            Connection before = driverConnection(one);
            for (int round = 0; round < 3; round++) {
                assertThat(await(one.select(Author_.name).fetchOne()).get(Author_.name)).isEqualTo("ann");
                assertThat(await(one.aselect(Author.class).fetchOne()).id).isEqualTo(ann.id);
                assertThat(await(one.aselect(Author.class).filter(Author_.id.eq(ann.id)).fetchOne()).id).isEqualTo(ann.id);
                assertThat(await(one.aselect(Author.class).filter(Author_.name.eq("ann")).get()).id).isEqualTo(ann.id);
            }
            // a read cut off mid-result would have retired the one connection: a new one would be made
            assertThat(driverConnection(one)).isSameAs(before);
        } finally {
            one.close().block(TIMEOUT);
        }
    }

    /** The driver's connection under the pool's wrapper, given back to the pool at once. */
    private static Connection driverConnection(AsyncDatabase database) {
        return await(Mono.usingWhen(database.getConnection(),
                connection -> Mono.just(connection instanceof Wrapped<?> wrapped
                        && wrapped.unwrap() instanceof Connection inner ? inner : connection),
                connection -> Mono.from(connection.close())));
    }
}
