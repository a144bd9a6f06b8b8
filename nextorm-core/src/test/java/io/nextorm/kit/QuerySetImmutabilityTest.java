package io.nextorm.kit;

import io.nextorm.internal.database.QuerySetAccess;
import io.nextorm.AsyncQuerySet;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuerySetImmutabilityTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @Test
    void twoBuilderCallsOnOneQuerySetDoNotAffectEachOther() {
        for (int i = 1; i <= 4; i++) {
            await(db.asave(new Article("t" + i, i)));
        }
        AsyncQuerySet<Article> base = db.aselect(Article.class).filter(Article_.views.gt(1L));
        String baseSql = base.getSql();
        AsyncQuerySet<Article> narrow = base.filter(Article_.views.gt(3L));
        AsyncQuerySet<Article> ordered = base.orderBy(Article_.views.desc()).limit(1);
        AsyncQuerySet<Article> paged = base.orderBy(Article_.views.asc()).page(2, 1);
        base.distinct();
        base.forUpdate(true);
        base.random(1);
        base.join(Author.class, Author_.id.eqAttribute(Article_.author));

        assertThat(base.getSql()).isEqualTo(baseSql);
        assertThat(await(base.count())).isEqualTo(3L);
        assertThat(await(narrow.fetchAll())).extracting(Article::getViews).containsExactly(4L);
        assertThat(await(ordered.fetchAll())).extracting(Article::getViews).containsExactly(4L);
        assertThat(await(paged.fetchAll())).extracting(Article::getViews).containsExactly(3L);
        assertThat(QuerySetAccess.spec(base)).isEqualTo(QuerySetAccess.spec(db.aselect(Article.class).filter(Article_.views.gt(1L))));
    }

    @Test
    void aLaterOrderingDoesNotChangeAnEarlierRandomQuerySet() {
        AsyncQuerySet<Article> random = db.aselect(Article.class).random(2);
        AsyncQuerySet<Article> ordered = random.orderBy(Article_.title.asc());
        assertThat(QuerySetAccess.spec(random).randomOrder()).isTrue();
        assertThat(QuerySetAccess.spec(ordered).randomOrder()).isFalse();
        assertThat(ordered.getSql()).contains("ORDER BY title").doesNotContain("RAND");
    }
}
