package io.nextorm.kit;

import io.nextorm.AsyncQuerySet;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private void articles(int count) {
        for (int i = 1; i <= count; i++) {
            await(db.asave(new Article(String.format("t%02d", i), i)));
        }
    }

    private AsyncQuerySet<Article> byViews() {
        return db.aselect(Article.class).orderBy(Article_.views.asc());
    }

    private static List<Long> views(List<Article> articles) {
        return articles.stream().map(Article::getViews).toList();
    }

    @Test
    void pageIsOneBased() {
        articles(5);
        assertThat(views(await(byViews().page(1, 2).fetchAll()))).containsExactly(1L, 2L);
        assertThat(views(await(byViews().page(2, 2).fetchAll()))).containsExactly(3L, 4L);
        assertThat(views(await(byViews().page(3, 2).fetchAll()))).containsExactly(5L);
        assertThat(await(byViews().page(4, 2).fetchAll())).isEmpty();
    }

    @Test
    void pageHasTenRowsByDefault() {
        articles(12);
        assertThat(views(await(byViews().page(1).fetchAll()))).hasSize(10).startsWith(1L).endsWith(10L);
        assertThat(views(await(byViews().page(2).fetchAll()))).containsExactly(11L, 12L);
    }

    @Test
    void pageReplacesAnEarlierLimitAndOffset() {
        articles(5);
        assertThat(views(await(byViews().limit(1).offset(4).page(1, 3).fetchAll()))).containsExactly(1L, 2L, 3L);
    }

    @Test
    void countOfAPageCountsItsRows() {
        articles(5);
        assertThat(await(byViews().page(3, 2).count())).isEqualTo(1L);
        assertThat(await(byViews().page(3, 2).exists())).isTrue();
        assertThat(await(byViews().page(4, 2).exists())).isFalse();
    }

    @Test
    void pageNumbersAndSizesBelowOneAreRefused() {
        assertThatThrownBy(() -> byViews().page(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1");
        assertThatThrownBy(() -> byViews().page(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> byViews().page(1, -10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-10");
        assertThatThrownBy(() -> byViews().page(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void offsetWithoutLimitSkipsRows() {
        articles(5);
        assertThat(views(await(byViews().offset(3).fetchAll()))).containsExactly(4L, 5L);
    }

    @Test
    void randomReturnsThatManyDistinctRows() {
        articles(8);
        Set<Long> all = new HashSet<>(views(await(byViews().fetchAll())));
        List<Long> picked = views(await(db.aselect(Article.class).random(3).fetchAll()));
        assertThat(picked).hasSize(3).doesNotHaveDuplicates();
        assertThat(all).containsAll(picked);
    }

    @Test
    void randomOfMoreThanThereAreReturnsEveryRowOnce() {
        articles(4);
        assertThat(views(await(db.aselect(Article.class).random(10).fetchAll())))
                .containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
    }

    @Test
    void randomOrderVaries() {
        articles(10);
        Set<List<Long>> orders = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            orders.add(views(await(db.aselect(Article.class).random(10).fetchAll())));
        }
        assertThat(orders).hasSizeGreaterThan(1);
    }

    @Test
    void randomKeepsConditions() {
        articles(8);
        assertThat(views(await(db.aselect(Article.class).filter(Article_.views.gt(6L)).random(5).fetchAll())))
                .containsExactlyInAnyOrder(7L, 8L);
    }

    @Test
    void randomRefusesLessThanOneRow() {
        assertThatThrownBy(() -> db.aselect(Article.class).random(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomUsesTheDialectsFunction() {
        String expected = target.provider().equals("postgres") || target.isSqlite() ? "RANDOM()" : "RAND()";
        assertThat(db.aselect(Article.class).random(2).getSql()).contains("ORDER BY " + expected).endsWith("LIMIT 2");
    }

    private void twoAuthorsThreeArticles() {
        Author ann = await(db.asave(new Author("ann")));
        Author bob = await(db.asave(new Author("bob")));
        for (String title : List.of("a1", "a2")) {
            Article article = new Article(title);
            article.setAuthor(ann);
            await(db.asave(article));
        }
        Article b1 = new Article("b1");
        b1.setAuthor(bob);
        await(db.asave(b1));
    }

    private AsyncQuerySet<Author> authorsOfArticles() {
        return db.aselect(Author.class).join(Article.class, Article_.author.eqAttribute(Author_.id));
    }

    @Test
    void distinctWithRandomOrderReturnsEachObjectOnce() {
        twoAuthorsThreeArticles();
        List<Author> picked = await(authorsOfArticles().distinct().random(5).fetchAll());
        assertThat(picked).extracting(author -> author.name).containsExactlyInAnyOrder("ann", "bob");
    }

    @Test
    void distinctOrderedByAJoinedColumn() {
        twoAuthorsThreeArticles();
        List<Article> ordered = await(db.aselect(Article.class).distinct()
                .orderBy(Article_.author.then(Author_.name).desc(), Article_.title.asc()).fetchAll());
        assertThat(ordered).extracting(Article::getTitle).containsExactly("b1", "a1", "a2");
    }

    @Test
    void withoutDistinctUndoesDistinct() {
        twoAuthorsThreeArticles();
        assertThat(await(authorsOfArticles().distinct().withoutDistinct().fetchAll())).hasSize(3);
        assertThat(authorsOfArticles().distinct().withoutDistinct().getSql()).doesNotContain("DISTINCT");
    }

    @Test
    void distinctWithPaging() {
        twoAuthorsThreeArticles();
        List<Author> second = await(authorsOfArticles().distinct().orderBy(Author_.name.asc()).page(2, 1).fetchAll());
        assertThat(second).extracting(author -> author.name).containsExactly("bob");
    }
}
