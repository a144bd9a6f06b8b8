package io.nextorm.kit;

import io.nextorm.Lazy;
import io.nextorm.LazyFieldNotLoadedException;
import io.nextorm.MappingException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Order;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawQueryTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class, Order.class);
    }

    private Author ann;

    private void blog() {
        ann = await(db.asave(new Author("ann")));
        Article first = new Article("first", 10);
        first.setAuthor(ann);
        first.setSubtitle("one");
        first.setPublished(LocalDate.of(2024, 2, 29));
        first.setBody(Lazy.of("the body"));
        await(db.asave(first));
        await(db.asave(new Article("second", 20)));
        await(db.asave(new Article("third", 30)));
    }

    @Test
    void rawMapsEveryColumnOfSelectStar() {
        blog();
        List<Article> found = await(db.aselect(Article.class)
                .raw("SELECT * FROM article WHERE views < ? ORDER BY views", List.of(25)));
        assertThat(found).extracting(Article::getTitle).containsExactly("first", "second");
        Article first = found.get(0);
        assertThat(first.getId()).isNotNull();
        assertThat(first.getSubtitle()).isEqualTo("one");
        assertThat(first.getViews()).isEqualTo(10L);
        assertThat(first.getPublished()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(first.getVersion()).isEqualTo(1L);
        assertThat(first.getAuthor().id).isEqualTo(ann.id);
        assertThat(found.get(1).getAuthor()).isNull();
    }

    @Test
    void labelsArePropertyNamesOrColumnNamesInAnyCase() {
        blog();
        Article found = await(db.aselect(Article.class).rawOne(
                "SELECT id AS \"ID\", title AS \"Title\", author_id AS author, views AS \"VIEWS\" FROM article WHERE title = ?",
                List.of("first")));
        assertThat(found.getTitle()).isEqualTo("first");
        assertThat(found.getViews()).isEqualTo(10L);
        assertThat(found.getAuthor().id).isEqualTo(ann.id);
    }

    @Test
    void unknownColumnsAreIgnoredAndMissingOnesKeepTheirDefaults() {
        blog();
        Article partial = await(db.aselect(Article.class).rawOne(
                "SELECT id, title, 42 AS answer FROM article WHERE title = ?", List.of("first")));
        assertThat(partial.getTitle()).isEqualTo("first");
        assertThat(partial.getViews()).isZero();
        assertThat(partial.getSubtitle()).isNull();
        assertThat(partial.getAuthor()).isNull();
        assertThat(partial.getVersion()).isZero();
    }

    @Test
    void aLazyFieldIsNotLoadedUnlessItsColumnIsSelected() {
        blog();
        Article without = await(db.aselect(Article.class).rawOne("SELECT id, title FROM article WHERE title = ?",
                List.of("first")));
        assertThat(without.getBody().isLoaded()).isFalse();
        assertThatThrownBy(() -> without.getBody().get()).isInstanceOf(LazyFieldNotLoadedException.class);
        assertThat((String) await(db.loadLazyField(without, "body"))).isEqualTo("the body");

        Article with = await(db.aselect(Article.class).rawOne("SELECT id, body FROM article WHERE title = ?",
                List.of("first")));
        assertThat(with.getBody().isLoaded()).isTrue();
        assertThat(with.getBody().get()).isEqualTo("the body");
    }

    @Test
    void rawOneIsTheFirstRowOrEmpty() {
        blog();
        assertThat(await(db.aselect(Article.class).rawOne("SELECT * FROM article ORDER BY views DESC", null))
                .getTitle()).isEqualTo("third");
        assertThat(db.aselect(Article.class).rawOne("SELECT * FROM article WHERE views > ?", List.of(100))
                .blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void rawOfNoRowsIsAnEmptyList() {
        assertThat(await(db.aselect(Article.class).raw("SELECT * FROM article", List.of()))).isEmpty();
    }

    @Test
    void questionMarksWorkOnEveryDatabaseAndNotInsideLiterals() {
        blog();
        List<Article> found = await(db.aselect(Article.class).raw(
                "SELECT * FROM article WHERE title <> '?' AND views BETWEEN ? AND ? ORDER BY views", List.of(15, 35)));
        assertThat(found).extracting(Article::getTitle).containsExactly("second", "third");
    }

    @Test
    void nullParametersAreBound() {
        blog();
        List<Object> params = new ArrayList<>();
        params.add(null);
        assertThat(await(db.aselect(Article.class).raw("SELECT * FROM article WHERE subtitle = ?", params))).isEmpty();
    }

    @Test
    void reservedWordColumnsMapToTheirFields() {
        await(db.execute("INSERT INTO " + db.dialect().identifier("order") + " (" + db.dialect().identifier("user")
                + ", " + db.dialect().identifier("group") + ", " + db.dialect().identifier("value")
                + ") VALUES (?, ?, ?)", "u", "g", 7));
        Order order = await(db.aselect(Order.class).rawOne("SELECT * FROM " + db.dialect().identifier("order"), null));
        assertThat(order.user).isEqualTo("u");
        assertThat(order.group).isEqualTo("g");
        assertThat(order.value).isEqualTo(7);
    }

    @Test
    void aResultWithoutTheKeyColumnIsRefused() {
        blog();
        assertThatThrownBy(() -> await(db.aselect(Article.class).raw("SELECT title FROM article", null)))
                .isInstanceOf(MappingException.class).hasMessageContaining("key").hasMessageContaining("id");
    }

    @Test
    void aPlaceholderCountMismatchIsRefused() {
        assertThatThrownBy(() -> await(db.aselect(Article.class).raw("SELECT * FROM article WHERE id = ?", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 ?");
        assertThatThrownBy(() -> await(db.aselect(Article.class).rawOne("SELECT * FROM article", List.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingSqlIsRefused() {
        assertThatThrownBy(() -> db.aselect(Article.class).raw(null, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> db.aselect(Article.class).rawOne("  ", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rawSendsTheSqlInTheDriversMarkerForm() {
        await(db.aselect(Article.class).raw("SELECT * FROM article WHERE id = ?", List.of(1)));
        String marker = target.provider().equals("postgres") ? "$1" : "?";
        assertThat(db.lastSql()).isEqualTo("SELECT * FROM article WHERE id = " + marker);
    }
}
