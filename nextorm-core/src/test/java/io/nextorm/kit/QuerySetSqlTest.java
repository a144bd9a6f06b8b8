package io.nextorm.kit;

import io.nextorm.AsyncQuerySet;
import io.nextorm.query.JoinType;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * getSql() is the SQL fetchAll() sends, for every shape of query set.
 */
class QuerySetSqlTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private Map<String, AsyncQuerySet<?>> shapes() {
        Map<String, AsyncQuerySet<?>> shapes = new LinkedHashMap<>();
        shapes.put("plain", db.aselect(Article.class));
        shapes.put("filter", db.aselect(Article.class).filter(Article_.views.gt(3L), Article_.title.startsWith("a")));
        shapes.put("reference path", db.aselect(Article.class).filter(Article_.author.then(Author_.name).eq("ann")));
        shapes.put("explicit join with alias", db.aselect(Author.class)
                .join(Article.class, Article_.author.of("a").eqAttribute(Author_.id), JoinType.LEFT, "a")
                .filter(Article_.views.of("a").ge(1L)));
        shapes.put("explicit join without alias", db.aselect(Author.class)
                .join(Article.class, Article_.author.eqAttribute(Author_.id)).filter(Article_.draft.isFalse()));
        shapes.put("distinct", db.aselect(Author.class)
                .join(Article.class, Article_.author.eqAttribute(Author_.id)).distinct().orderBy(Author_.name.asc()));
        shapes.put("orderBy", db.aselect(Article.class).orderBy(Article_.author.then(Author_.name).desc(),
                Article_.title.asc()));
        shapes.put("page", db.aselect(Article.class).orderBy(Article_.id.asc()).page(2, 5));
        shapes.put("random", db.aselect(Article.class).random(3));
        shapes.put("distinct random", db.aselect(Article.class).distinct().random(3));
        return shapes;
    }

    @Test
    void getSqlIsWhatFetchAllSendsForEveryShape() {
        Author ann = await(db.asave(new Author("ann")));
        Article article = new Article("a1", 5);
        article.setAuthor(ann);
        await(db.asave(article));
        shapes().forEach((shape, query) -> {
            String expected = query.getSql();
            await(query.fetchAll());
            assertThat(db.lastSql()).as(shape).isEqualTo(expected);
        });
    }

    @Test
    void getSqlOfALockedQueryIsWhatTheDatabaseAccepts() {
        org.junit.jupiter.api.Assumptions.assumeFalse(target.isSqlite(), "SQLite has no row locks (LockingTest)");
        // forUpdate() cannot be fetched outside a transaction; LockingTest runs its SQL on raw connections
        assertThat(db.aselect(Article.class).forUpdate().getSql())
                .isEqualTo(db.aselect(Article.class).getSql() + " FOR UPDATE");
    }
}
