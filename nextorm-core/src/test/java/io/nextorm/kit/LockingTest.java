package io.nextorm.kit;

import io.nextorm.AsyncQuerySet;
import io.nextorm.TransactionException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockingTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private AsyncQuerySet<Article> locked() {
        return db.aselect(Article.class).orderBy(Article_.id.asc()).forUpdate();
    }

    @Test
    void forUpdateOutsideATransactionIsRefusedWhenSubscribed() {
        await(db.asave(new Article("a")));
        AsyncQuerySet<Article> query = locked();
        assertThatThrownBy(() -> await(query.fetchAll())).isInstanceOf(TransactionException.class)
                .hasMessageContaining("forUpdate()").hasMessageContaining("session");
        assertThatThrownBy(() -> await(query.fetchOne())).isInstanceOf(TransactionException.class);
        assertThatThrownBy(() -> await(query.get())).isInstanceOf(TransactionException.class);
        assertThatThrownBy(() -> query.stream().blockLast(TIMEOUT)).isInstanceOf(TransactionException.class);
        assertThatThrownBy(() -> await(db.aselect(Article.class).forUpdate(true).fetchAll()))
                .isInstanceOf(TransactionException.class);
    }

    @Test
    void aRefusedLockSendsNothing() {
        db.clearLocalStats();
        assertThatThrownBy(() -> await(locked().fetchAll())).isInstanceOf(TransactionException.class);
        assertThat(db.localStats()).isEmpty();
    }

    @Test
    void forUpdateOnSqliteSaysWhy() {
        org.junit.jupiter.api.Assumptions.assumeTrue(target.isSqlite(), "only SQLite refuses row locks");
        assertThatThrownBy(() -> locked().getSql()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SQLite has no SELECT ... FOR UPDATE");
        assertThatThrownBy(() -> await(db.session(s -> locked().fetchAll()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SQLite");
    }

    @Test
    void buildingALockedQueryAndItsSqlNeedNoTransaction() {
        org.junit.jupiter.api.Assumptions.assumeFalse(target.isSqlite(), "SQLite has no row locks: see forUpdateOnSqliteSaysWhy");
        String sql = locked().getSql();
        assertThat(sql).endsWith(" FOR UPDATE").doesNotContain("SKIP");
        assertThat(db.aselect(Article.class).forUpdate(true).getSql()).endsWith(" FOR UPDATE SKIP LOCKED");
        assertThat(db.aselect(Article.class).limit(1).forUpdate(false).getSql()).endsWith("LIMIT 1 FOR UPDATE");
    }

    @Test
    void countAndAggregatesOfALockedQueryLockNothing() {
        await(db.asave(new Article("a", 5)));
        assertThat(await(locked().count())).isEqualTo(1L);
        assertThat(await(locked().sum(Article_.views))).isEqualTo(5L);
    }

    @Test
    void aSecondTransactionSkipsTheLockedRow() {
        org.junit.jupiter.api.Assumptions.assumeFalse(target.isSqlite(), "SQLite has no row locks: see forUpdateOnSqliteSaysWhy");
        Article first = await(db.asave(new Article("first")));
        Article second = await(db.asave(new Article("second")));
        String lockOne = db.aselect(Article.class).filter(Article_.id.eq(first.getId())).forUpdate().getSql();
        String takeUnlocked = db.aselect(Article.class).orderBy(Article_.id.asc()).forUpdate(true).getSql();

        Connection holder = await(db.getConnection());
        Connection worker = await(db.getConnection());
        try {
            await(Mono.from(holder.beginTransaction()));
            List<Long> held = await(Flux.from(holder.createStatement(lockOne).bind(0, first.getId()).execute())
                    .concatMap(result -> result.map(row -> row.get("id", Long.class))).collectList());
            assertThat(held).containsExactly(first.getId());

            await(Mono.from(worker.beginTransaction()));
            List<Long> taken = await(Flux.from(worker.createStatement(takeUnlocked).execute())
                    .concatMap(result -> result.map(row -> row.get("id", Long.class))).collectList()
                    .timeout(Duration.ofSeconds(10)));
            assertThat(taken).containsExactly(second.getId());
        } finally {
            Mono.from(worker.rollbackTransaction()).onErrorResume(e -> Mono.empty())
                    .then(Mono.from(holder.rollbackTransaction())).onErrorResume(e -> Mono.empty())
                    .then(Mono.from(worker.close())).then(Mono.from(holder.close())).block(TIMEOUT);
        }
    }

    @Test
    void forUpdateInsideASessionLocksAndReturnsTheRows() {
        org.junit.jupiter.api.Assumptions.assumeFalse(target.isSqlite(), "SQLite has no row locks: see forUpdateOnSqliteSaysWhy");
        Article article = await(db.asave(new Article("locked in a session")));
        List<Article> locked = await(db.session(s -> db.aselect(Article.class)
                .filter(Article_.id.eq(article.getId())).forUpdate().fetchAll()));
        assertThat(locked).extracting(Article::getTitle).containsExactly("locked in a session");
        assertThat(db.lastSql()).endsWith(" FOR UPDATE");
    }
}
