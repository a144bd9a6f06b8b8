package io.nextorm.internal.sql;

import io.nextorm.dialect.PostgresDialect;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelectShapeCacheTest {

    private final SqlRenderer renderer = new SqlRenderer(
            Mapping.build(List.of(Author.class, Article.class, Tag.class), true), new PostgresDialect());

    private SqlStatement select(io.nextorm.query.Condition... where) {
        return renderer.select(SelectSpec.of(Article.class).withWhere(List.of(where))
                .withOrderBy(List.of(Article_.title.asc())).withLimitOffset(10L, null));
    }

    @Test
    void queriesOfOneShapeShareTheirSqlTextAndBindTheirOwnValues() {
        SqlStatement first = select(Article_.title.eq("a"), Article_.views.between(1L, 5L), Article_.title.startsWith("x%"));
        SqlStatement second = select(Article_.title.eq("b"), Article_.views.between(7L, 9L), Article_.title.startsWith("y"));
        assertThat(second.sql()).isSameAs(first.sql()).isEqualTo(
                "SELECT id, title, subtitle, slug, views, draft, author_id, published, version FROM article "
                        + "WHERE title = $1 AND views BETWEEN $2 AND $3 AND title LIKE $4 ORDER BY title LIMIT $5");
        assertThat(first.parameters()).containsExactly("a", 1L, 5L, "x\\%%", 10L);
        assertThat(second.parameters()).containsExactly("b", 7L, 9L, "y%", 10L);
    }

    @Test
    void pagesOfAQueryShareOneSqlTextAndBindTheirNumbers() {
        SelectSpec base = SelectSpec.of(Article.class).withOrderBy(List.of(Article_.title.asc()));
        SqlStatement first = renderer.select(base.withLimitOffset(10L, 0L));
        SqlStatement fiftieth = renderer.select(base.withLimitOffset(10L, 490L));
        assertThat(fiftieth.sql()).isSameAs(first.sql()).endsWith("ORDER BY title LIMIT $1 OFFSET $2");
        assertThat(first.parameters()).containsExactly(10L, 0L);
        assertThat(fiftieth.parameters()).containsExactly(10L, 490L);
    }

    @Test
    void inListsOfAnotherLengthAreAnotherShape() {
        SqlStatement two = select(Article_.id.in(1L, 2L));
        SqlStatement three = select(Article_.id.in(1L, 2L, 3L));
        assertThat(three.sql()).contains("IN ($1, $2, $3)");
        assertThat(two.sql()).contains("IN ($1, $2)");
        assertThat(select(Article_.id.in(4L, 5L)).parameters()).containsExactly(4L, 5L, 10L);
    }

    @Test
    void anEntityValueIsBoundAsItsKeyAlsoFromTheCache() {
        Author ann = new Author("ann");
        ann.id = 7L;
        Author bob = new Author("bob");
        bob.id = 8L;
        assertThat(select(Article_.author.eq(ann)).parameters()).containsExactly(7L, 10L);
        assertThat(select(Article_.author.eq(bob)).parameters()).containsExactly(8L, 10L);
        assertThatThrownBy(() -> select(Article_.author.eq(new Author("unsaved"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsaved Author");
    }

    @Test
    void pathsThroughReferencesAreCachedWithTheirJoins() {
        SqlStatement first = select(Article_.author.then(Author_.name).eq("ann"));
        SqlStatement second = select(Article_.author.then(Author_.name).eq("bob"));
        assertThat(second.sql()).isSameAs(first.sql()).contains("LEFT JOIN author t1");
        assertThat(second.parameters()).containsExactly("bob", 10L);
    }
}
