package io.nextorm.kit;

import io.nextorm.AsyncQuerySet;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private Author ann;

    private void blog() {
        ann = await(db.asave(new Author("ann")));
        Author bob = await(db.asave(new Author("bob")));
        article("b", 20, ann, LocalDate.of(2024, 5, 1));
        article("a", 10, ann, LocalDate.of(2024, 1, 1));
        article("c", 30, bob, LocalDate.of(2024, 3, 1));
    }

    private void article(String title, long views, Author author, LocalDate published) {
        Article article = new Article(title, views);
        article.setAuthor(author);
        article.setPublished(published);
        await(db.asave(article));
    }

    private AsyncQuerySet<Article> articles() {
        return db.aselect(Article.class);
    }

    @Test
    void sumOfLongPropertyIsLongOnEveryDialect() {
        blog();
        Object byName = await(articles().sum("views"));
        Long byAttribute = await(articles().sum(Article_.views));
        assertThat(byName).isInstanceOf(Long.class).isEqualTo(60L);
        assertThat(byAttribute).isInstanceOf(Long.class).isEqualTo(60L);
    }

    @Test
    void avgIsDouble() {
        blog();
        assertThat(await(articles().avg(Article_.views))).isEqualTo(20.0);
        assertThat(await(articles().filter(Article_.views.gt(10L)).avg("views"))).isEqualTo(25.0);
    }

    @Test
    void minAndMaxKeepThePropertyType() {
        blog();
        assertThat(await(articles().min(Article_.views))).isEqualTo(10L);
        assertThat(await(articles().max("views"))).isEqualTo(30L);
        assertThat(await(articles().max(Article_.title))).isEqualTo("c");
        assertThat(await(articles().min("published"))).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(await(articles().max(Article_.published))).isEqualTo(LocalDate.of(2024, 5, 1));
    }

    @Test
    void aggregatesOfNoMatchingRowsAreEmpty() {
        blog();
        AsyncQuerySet<Article> none = articles().filter(Article_.views.gt(1000L));
        assertThat(none.sum(Article_.views).blockOptional(TIMEOUT)).isEmpty();
        assertThat(none.avg("views").blockOptional(TIMEOUT)).isEmpty();
        assertThat(none.min("title").blockOptional(TIMEOUT)).isEmpty();
        assertThat(none.max(Article_.views).blockOptional(TIMEOUT)).isEmpty();
        assertThat(none.groupConcat("title").blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void aggregatesCountOnlyTheRowsOfLimitAndOffset() {
        blog();
        AsyncQuerySet<Article> firstTwo = articles().orderBy(Article_.views.asc()).limit(2);
        assertThat(await(firstTwo.sum(Article_.views))).isEqualTo(30L);
        assertThat(await(firstTwo.max("views"))).isEqualTo(20L);
        assertThat(await(firstTwo.groupConcat("title"))).isEqualTo("a,b");
        assertThat(await(articles().orderBy(Article_.views.asc()).offset(1).sum("views"))).isEqualTo(50L);
    }

    @Test
    void aggregatesFollowConditionsThroughReferences() {
        blog();
        AsyncQuerySet<Article> anns = articles().filter(Article_.author.then(Author_.name).eq("ann"));
        assertThat(await(anns.sum(Article_.views))).isEqualTo(30L);
        assertThat(await(articles().max("author.name"))).isEqualTo("bob");
    }

    @Test
    void aggregatesOverAnExplicitJoinSeeTheSameRowsAsFetchAll() {
        blog();
        AsyncQuerySet<Author> joined = db.aselect(Author.class).join(Article.class, Article_.author.eqAttribute(Author_.id));
        assertThat(await(joined.groupConcat("name"))).isEqualTo("ann,ann,bob");
        assertThat(await(joined.distinct().groupConcat("name"))).isEqualTo("ann,bob");
        assertThat(await(joined.distinct().count())).isEqualTo(2L);
    }

    @Test
    void groupConcatJoinsValuesInAscendingOrderWithCommas() {
        blog();
        assertThat(await(articles().groupConcat("title"))).isEqualTo("a,b,c");
        assertThat(await(articles().groupConcat(Article_.title, "/"))).isEqualTo("a/b/c");
    }

    @Test
    void groupConcatBindsASeparatorWithQuotesAndBackslashes() {
        blog();
        String separator = "', \\ ";
        assertThat(await(articles().groupConcat("title", separator))).isEqualTo("a', \\ b', \\ c");
    }

    @Test
    void groupConcatOfEmptySeparatorAndOfNumbers() {
        blog();
        assertThat(await(articles().groupConcat("title", ""))).isEqualTo("abc");
        assertThat(await(articles().groupConcat("views", " - "))).isEqualTo("10 - 20 - 30");
    }

    @Test
    void groupConcatOfOnlyNullsIsEmpty() {
        blog();
        assertThat(articles().groupConcat("subtitle").blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void groupConcatSkipsNulls() {
        blog();
        await(db.asave(new Article("d", 40)));
        assertThat(await(articles().groupConcat("author.name", "+"))).isEqualTo("ann+ann+bob");
    }

    @Test
    void sumOfANonNumericPropertyIsRefused() {
        blog();
        assertThatThrownBy(() -> await(articles().sum("title")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numeric").hasMessageContaining("title");
        assertThatThrownBy(() -> await(articles().avg("published")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numeric");
    }

    @Test
    void unknownPropertyNamesAreRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> await(articles().sum("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope").hasMessageContaining("views");
        assertThatThrownBy(() -> await(articles().groupConcat("author.nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> await(articles().min("title.length")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a reference");
    }

    @Test
    void nullOrBlankArgumentsAreRefused() {
        assertThatThrownBy(() -> articles().sum((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().sum((io.nextorm.NumberAttribute<Article, Long>) null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().avg(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().min((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().max((io.nextorm.ComparableAttribute<Article, Long>) null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().groupConcat((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().groupConcat("title", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("separator");
        assertThatThrownBy(() -> articles().groupConcat(Article_.title, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
