package io.nextorm;

import io.nextorm.query.OrderItem;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Argument and call-order errors of the query set, on a database that is mapped but not bound: the
 * builders need only the mapping, the terminal methods fail when subscribed.
 */
class QuerySetArgumentTest {

    private AsyncDatabase db;

    @BeforeEach
    void mapWithoutBinding() {
        db = new AsyncDatabase(List.of(Author.class, Article.class, Tag.class));
        db.generateMapping().block();
    }

    private AsyncQuerySet<Article> articles() {
        return db.aselect(Article.class);
    }

    @Test
    void buildersRefuseNulls() {
        assertThatThrownBy(() -> articles().where(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().orderBy((OrderItem[]) null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().orderBy(Article_.title.asc(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> articles().prefetch((Attribute<Article, ?>) null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefetchRefusesAColumn() {
        assertThatThrownBy(() -> articles().prefetch(Article_.title)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column");
    }

    @Test
    void joinRefusesAClassThatIsNotMapped() {
        assertThatThrownBy(() -> articles().join(Object.class, Article_.title.eq("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getSqlOfAnUnboundDatabaseSaysToBind() {
        assertThatThrownBy(() -> articles().getSql()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bind");
    }

    @Test
    void terminalMethodsOfAnUnboundDatabaseFailWhenSubscribedNotWhenCalled() {
        AsyncQuerySet<Article> query = articles();
        List<Runnable> calls = List.of(
                () -> query.fetchAll().block(), () -> query.fetchOne().block(), () -> query.stream().blockLast(),
                () -> query.count().block(), () -> query.exists().block(), () -> query.get().block(),
                () -> query.sum("views").block(), () -> query.groupConcat("title").block(),
                () -> query.delete().block(), () -> query.update(Map.of("views", 1L)).block(),
                () -> query.ashow(80, new StringBuilder()).block(), () -> query.raw("SELECT 1", null).block(),
                () -> query.forUpdate().fetchAll().block());
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("bind");
        }
    }
}
