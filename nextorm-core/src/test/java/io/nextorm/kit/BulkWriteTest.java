package io.nextorm.kit;

import io.nextorm.AsyncQuerySet;
import io.nextorm.query.Assignment;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BulkWriteTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private Author ann;
    private Author bob;

    private void blog() {
        ann = await(db.asave(new Author("ann")));
        bob = await(db.asave(new Author("bob")));
        article("a1", 10, ann);
        article("a2", 20, ann);
        article("b1", 30, bob);
        article("c1", 40, null);
    }

    private void article(String title, long views, Author author) {
        Article article = new Article(title, views);
        article.setAuthor(author);
        await(db.asave(article));
    }

    private AsyncQuerySet<Article> articles() {
        return db.aselect(Article.class);
    }

    private List<String> titles() {
        return await(articles().orderBy(Article_.title.asc()).fetchAll()).stream().map(Article::getTitle).toList();
    }

    private Map<String, Long> viewsByTitle() {
        Map<String, Long> views = new HashMap<>();
        await(articles().fetchAll()).forEach(a -> views.put(a.getTitle(), a.getViews()));
        return views;
    }

    @Test
    void deleteRemovesTheMatchingRowsAndCountsThem() {
        blog();
        assertThat(await(articles().filter(Article_.views.ge(30L)).delete())).isEqualTo(2L);
        assertThat(titles()).containsExactly("a1", "a2");
    }

    @Test
    void deleteOfEveryRow() {
        blog();
        assertThat(await(articles().delete())).isEqualTo(4L);
        assertThat(await(articles().count())).isZero();
    }

    @Test
    void deleteFollowsAConditionThroughAReference() {
        blog();
        assertThat(await(articles().filter(Article_.author.then(Author_.name).eq("ann")).delete())).isEqualTo(2L);
        assertThat(titles()).containsExactly("b1", "c1");
    }

    @Test
    void deleteThroughAnExplicitJoin() {
        blog();
        Long deleted = await(db.aselect(Author.class)
                .join(Article.class, Article_.author.eqAttribute(Author_.id), io.nextorm.query.JoinType.LEFT, "a")
                .filter(Article_.id.of("a").isNull()).delete());
        assertThat(deleted).isZero();
        await(db.asave(new Author("carl")));
        assertThat(await(db.aselect(Author.class)
                .join(Article.class, Article_.author.eqAttribute(Author_.id), io.nextorm.query.JoinType.LEFT, "a")
                .filter(Article_.id.of("a").isNull()).delete())).isEqualTo(1L);
        assertThat(await(db.aselect(Author.class).orderBy(Author_.name.asc()).fetchAll()))
                .extracting(author -> author.name).containsExactly("ann", "bob");
    }

    @Test
    void deleteWithLimitDeletesThatManyRowsInOrder() {
        blog();
        assertThat(await(articles().orderBy(Article_.views.desc()).limit(3).delete())).isEqualTo(3L);
        assertThat(titles()).containsExactly("a1");
    }

    @Test
    void deleteOfAPageDeletesOnlyThatPage() {
        blog();
        assertThat(await(articles().orderBy(Article_.views.asc()).page(2, 2).delete())).isEqualTo(2L);
        assertThat(titles()).containsExactly("a1", "a2");
    }

    @Test
    void updateByMapSetsThePropertiesOfMatchingRowsOnly() {
        blog();
        Long updated = await(articles().filter(Article_.views.lt(25L)).update(Map.of("views", 0, "subtitle", "it's \\ new")));
        assertThat(updated).isEqualTo(2L);
        assertThat(viewsByTitle()).containsEntry("a1", 0L).containsEntry("a2", 0L).containsEntry("b1", 30L)
                .containsEntry("c1", 40L);
        assertThat(await(articles().filter(Article_.subtitle.eq("it's \\ new")).count())).isEqualTo(2L);
    }

    @Test
    void updateByAssignmentsIncrementsInTheDatabase() {
        blog();
        assertThat(await(articles().update(Article_.views.increment(5L), Article_.draft.set(true)))).isEqualTo(4L);
        assertThat(viewsByTitle()).containsEntry("a1", 15L).containsEntry("b1", 35L).containsEntry("c1", 45L);
        assertThat(await(articles().filter(Article_.draft.isTrue()).count())).isEqualTo(4L);
    }

    @Test
    void updateFollowsAConditionThroughAReference() {
        blog();
        Long updated = await(articles().filter(Article_.author.then(Author_.name).eq("ann"))
                .update(Article_.views.set(99L)));
        assertThat(updated).isEqualTo(2L);
        assertThat(viewsByTitle()).containsEntry("a1", 99L).containsEntry("a2", 99L).containsEntry("b1", 30L);
    }

    @Test
    void updateWithLimitUpdatesThatManyRowsInOrder() {
        blog();
        assertThat(await(articles().orderBy(Article_.views.asc()).limit(1).update(Article_.views.increment(1L))))
                .isEqualTo(1L);
        assertThat(viewsByTitle()).containsEntry("a1", 11L).containsEntry("a2", 20L);
    }

    @Test
    void updateSetsAReferenceFromAnEntityOrNull() {
        blog();
        assertThat(await(articles().filter(Article_.title.eq("c1")).update(Map.of("author", bob)))).isEqualTo(1L);
        assertThat(await(articles().filter(Article_.author.eq(bob)).count())).isEqualTo(2L);
        Map<String, Object> none = new HashMap<>();
        none.put("author", null);
        assertThat(await(articles().filter(Article_.author.eq(ann)).update(none))).isEqualTo(2L);
        assertThat(await(articles().filter(Article_.author.isNull()).count())).isEqualTo(2L);
        assertThat(await(articles().filter(Article_.title.eq("a1")).update(Article_.author.set(bob)))).isEqualTo(1L);
        assertThat(await(articles().filter(Article_.author.eq(bob)).count())).isEqualTo(3L);
    }

    @Test
    void updateLeavesTheVersionAloneUnlessAssigned() {
        blog();
        await(articles().update(Article_.views.set(1L)));
        assertThat(await(articles().fetchAll())).extracting(Article::getVersion).containsOnly(1L);
        await(articles().update(Article_.version.increment(1L)));
        assertThat(await(articles().fetchAll())).extracting(Article::getVersion).containsOnly(2L);
    }

    @Test
    void bulkWritesOfNoMatchingRowCountZero() {
        blog();
        assertThat(await(articles().filter(Article_.views.gt(1000L)).delete())).isZero();
        assertThat(await(articles().filter(Article_.views.gt(1000L)).update(Article_.views.set(0L)))).isZero();
    }

    @Test
    void updateByMapRefusesUnknownNamesListingTheProperties() {
        assertThatThrownBy(() -> articles().update(Map.of("nope", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nope'").hasMessageContaining("views").hasMessageContaining("title");
    }

    @Test
    void updateByMapRefusesValuesOfTheWrongType() {
        assertThatThrownBy(() -> articles().update(Map.of("views", "many")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Long").hasMessageContaining("String");
        assertThatThrownBy(() -> articles().update(Map.of("views", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> articles().update(Map.of("author", "ann")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Author");
        assertThatThrownBy(() -> articles().update(Map.of("author", new Author("unsaved"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsaved");
    }

    @Test
    void updateRefusesTheKeySetsAndNothing() {
        assertThatThrownBy(() -> articles().update(Map.of("id", 5L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary key");
        assertThatThrownBy(() -> articles().update(Map.of("tags", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Set");
        assertThatThrownBy(() -> articles().update(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().update((Map<String, ?>) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().update()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().update((Assignment) null)).isInstanceOf(IllegalArgumentException.class);
        Map<String, Object> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> articles().update(nullKey)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateRefusesAssignmentsOfAnotherEntityOrTwiceTheSameProperty() {
        assertThatThrownBy(() -> articles().update(Author_.name.set("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("own properties");
        assertThatThrownBy(() -> articles().update(Article_.views.set(1L), Article_.views.increment(1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> articles().update(Article_.id.set(1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("primary key");
    }
}
