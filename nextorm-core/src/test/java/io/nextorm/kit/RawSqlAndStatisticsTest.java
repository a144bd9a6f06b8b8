package io.nextorm.kit;

import io.nextorm.QueryStat;
import io.nextorm.QueryStats;
import io.nextorm.SqlExecutionException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Order;
import io.nextorm.testkit.model.Order_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RawSqlAndStatisticsTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class, Order.class);
    }

    @Test
    void executeBindsQuestionMarksOnEveryDatabaseAndReturnsAffectedRows() {
        await(db.asave(new Article("a", 1)));
        await(db.asave(new Article("b", 2)));
        await(db.asave(new Article("c", 3)));
        assertThat(await(db.execute("UPDATE article SET views = views + ? WHERE views >= ?", 10, 2))).isEqualTo(2L);
        assertThat(await(db.aselect(Article.class).orderBy(Article_.views.asc()).fetchAll()))
                .extracting(Article::getViews).containsExactly(1L, 12L, 13L);
    }

    @Test
    void questionMarksInsideLiteralsAreNotPlaceholders() {
        await(db.asave(new Article("a?", 1)));
        List<Map<String, Object>> rows = await(db.selectRaw(
                "SELECT title FROM article WHERE title = 'a?' AND views = ?", 1));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("title")).isEqualTo("a?");
    }

    @Test
    void executeBindsNullArguments() {
        await(db.asave(new Article("a", 1)));
        assertThat(await(db.execute("UPDATE article SET subtitle = ?", (Object) null))).isEqualTo(1L);
        assertThat(await(db.selectRaw("SELECT subtitle FROM article")).get(0).get("subtitle")).isNull();
    }

    @Test
    void selectRawKeysAreLabelsLookedUpWithoutCase() {
        await(db.asave(new Article("a", 7)));
        List<Map<String, Object>> rows = await(db.selectRaw("SELECT title, views AS seen FROM article"));
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row).hasSize(2);
        assertThat(row.get("title")).isEqualTo("a");
        assertThat(row.get("TITLE")).isEqualTo("a");
        assertThat(((Number) row.get("seen")).longValue()).isEqualTo(7);
        assertThat(row.keySet()).extracting(k -> k.toLowerCase()).containsExactly("title", "seen");
    }

    @Test
    void aPlaceholderCountMismatchIsRefusedBeforeSending() {
        assertThatThrownBy(() -> await(db.execute("DELETE FROM article WHERE id = ?")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 ? placeholder(s) but 0 argument(s)");
        assertThatThrownBy(() -> await(db.selectRaw("SELECT 1", 5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> await(db.execute(" "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDriverErrorCarriesTheSqlButNeverTheValues() {
        assertThatThrownBy(() -> await(db.execute("UPDATE no_such_table SET x = ?", "secret-value")))
                .isInstanceOfSatisfying(SqlExecutionException.class, e -> {
                    assertThat(e.getSql()).contains("no_such_table");
                    assertThat(e.getMessage()).doesNotContain("secret-value");
                });
    }

    @Test
    void lastSqlHoldsTheTextAndNeverABoundValue() {
        await(db.aselect(Article.class).filter(Article_.title.eq("top-secret")).fetchAll());
        assertThat(db.lastSql()).contains("title = ").doesNotContain("top-secret");
        await(db.execute("DELETE FROM article WHERE title = ?", "also-secret"));
        assertThat(db.lastSql()).isEqualTo(target.provider().equals("postgres")
                ? "DELETE FROM article WHERE title = $1" : "DELETE FROM article WHERE title = ?");
    }

    @Test
    void localStatsCountEachStatementOncePerExecutionWithSaneTimes() {
        db.clearLocalStats();
        for (int i = 0; i < 3; i++) {
            await(db.aselect(Article.class).filter(Article_.views.gt((long) i)).fetchAll());
        }
        await(db.aselect(Article.class).count());
        Map<String, QueryStat> stats = db.localStats();
        assertThat(stats).hasSize(2);
        QueryStat select = stats.get(db.aselect(Article.class).filter(Article_.views.gt(0L)).getSql());
        assertThat(select.count()).isEqualTo(3);
        assertThat(select.minTime()).isPositive().isLessThanOrEqualTo(select.avgTime());
        assertThat(select.avgTime()).isLessThanOrEqualTo(select.maxTime());
        assertThat(select.sumTime()).isGreaterThanOrEqualTo(select.maxTime().plus(select.minTime().multipliedBy(2)));
        assertThat(select.avgTime()).isEqualTo(select.sumTime().dividedBy(3));
        assertThat(select.maxTime()).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void inListsOfDifferentLengthsCountAsOneStatement() {
        db.clearLocalStats();
        await(db.aselect(Article.class).filter(Article_.id.in(1L, 2L), Article_.title.ne("x")).fetchAll());
        await(db.aselect(Article.class).filter(Article_.id.in(1L, 2L, 3L, 4L), Article_.title.ne("y")).fetchAll());
        assertThat(db.localStats()).hasSize(1);
        Map.Entry<String, QueryStat> entry = db.localStats().entrySet().iterator().next();
        assertThat(entry.getValue().count()).isEqualTo(2);
        assertThat(entry.getKey()).contains("IN (").contains("...)");
    }

    @Test
    void localStatsAreASnapshot() {
        await(db.aselect(Article.class).count());
        Map<String, QueryStat> before = db.localStats();
        await(db.aselect(Article.class).count());
        assertThat(before.values().iterator().next().count()).isEqualTo(1);
        assertThatThrownBy(() -> before.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mergeLocalStatsAddsIntoGlobalAndClearsLocal() {
        QueryStats.clearGlobal();
        db.clearLocalStats();
        await(db.aselect(Article.class).count());
        await(db.aselect(Article.class).count());
        db.mergeLocalStats();
        assertThat(db.localStats()).isEmpty();
        await(db.aselect(Article.class).count());
        db.mergeLocalStats();
        String countSql = QueryStats.global().keySet().stream().filter(k -> k.startsWith("SELECT COUNT(*)")).findFirst().orElseThrow();
        assertThat(QueryStats.global().get(countSql).count()).isEqualTo(3);
        QueryStats.clearGlobal();
        assertThat(QueryStats.global()).isEmpty();
    }

    @Test
    void reservedWordsAreQuotedOnlyWhereTheDialectNeedsIt() {
        Order order = new Order();
        order.user = "ann";
        order.group = "admins";
        order.value = 3;
        await(db.asave(order));
        Order loaded = await(db.aselect(Order.class).filter(Order_.user.eq("ann"), Order_.group.eq("admins"),
                Order_.value.eq(3)).getOrRaise());
        assertThat(loaded.id).isEqualTo(order.id);
        String sql = db.aselect(Order.class).getSql();
        switch (target) {
            case H2 -> assertThat(sql).isEqualTo("SELECT id, \"USER\", \"GROUP\", \"VALUE\" FROM \"ORDER\"");
            case POSTGRES -> assertThat(sql).isEqualTo("SELECT id, \"user\", \"group\", value FROM \"order\"");
            case MARIADB -> assertThat(sql).isEqualTo("SELECT id, user, `group`, value FROM `order`");
            case SQLITE, SQLITE_MEMORY -> assertThat(sql).isEqualTo("SELECT id, user, \"group\", value FROM \"order\"");
        }
    }

    @Test
    void plainNamesWorkInHandWrittenSql() {
        await(db.asave(new Article("plain", 4)));
        assertThat(await(db.selectRaw("SELECT title FROM article WHERE views = ?", 4))).hasSize(1);
    }
}
