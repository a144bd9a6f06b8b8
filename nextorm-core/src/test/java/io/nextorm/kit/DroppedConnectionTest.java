package io.nextorm.kit;

import io.nextorm.AsyncDatabase;
import io.nextorm.NextOrmException;
import io.nextorm.SqlExecutionException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.TestDatabase;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Article_;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class DroppedConnectionTest extends DatabaseTestKit {

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    @Test
    void idleConnectionsKilledByTheServerAreReplacedWithoutAnError() {
        Assumptions.assumeTrue(target.hasServer(), target + " runs in this JVM: there is no server to drop connections");
        await(db.asave(new Article("survivor")));
        // open a few pooled connections at once (each session holds one a while), so that idle ones are there to be killed
        Flux.range(0, 4).flatMap(i -> db.session(s -> db.aselect(Article.class).count()
                .delayElement(java.time.Duration.ofMillis(100)))).collectList().block(TIMEOUT);
        assertThat(killOtherConnections()).as("idle pool connections killed").isPositive();
        // the pool validates each connection it hands out and retries past the dead ones: no caller sees an error
        assertThat(await(db.aselect(Article.class).count())).isEqualTo(1L);
        assertThat(await(db.aselect(Article.class).fetchAll())).extracting(Article::getTitle).containsExactly("survivor");
    }

    @Test
    void aSessionWhoseConnectionIsKilledFailsWithTheSqlAndTheNextCallWorks() {
        Assumptions.assumeTrue(target.hasServer(), target + " runs in this JVM: there is no server to drop connections");
        await(db.asave(new Article("before")));
        String ownId = target == TestDatabase.POSTGRES ? "SELECT pg_backend_pid() AS id" : "SELECT CONNECTION_ID() AS id";
        AsyncDatabase killer = new AsyncDatabase(List.of());
        await(killer.bind(target.provider(), target.url(), Map.of()));
        try {
            Throwable failure = catchThrowable(() -> await(db.session(s -> db.selectRaw(ownId)
                    .flatMap(rows -> kill(killer, (Number) rows.get(0).get("id")))
                    .then(db.aselect(Article.class).filter(Article_.title.eq("before")).count()))));
            assertThat(failure).isInstanceOf(SqlExecutionException.class)
                    .hasMessageContaining("[SQL: SELECT COUNT(*) FROM article WHERE title = ")
                    .hasMessageNotContaining("before");
            assertThat(await(db.aselect(Article.class).count())).isEqualTo(1L);
        } finally {
            await(killer.close());
        }
    }

    private Mono<Void> kill(AsyncDatabase killer, Number connectionId) {
        return target == TestDatabase.POSTGRES
                ? killer.selectRaw("SELECT pg_terminate_backend(?)", connectionId.intValue()).then()
                : killer.execute("KILL CONNECTION " + connectionId.longValue()).then();
    }

    private int killOtherConnections() {
        if (target == TestDatabase.POSTGRES) {
            return (int) await(db.selectRaw("SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> 'psql'"))
                    .stream().filter(row -> Boolean.TRUE.equals(row.get("killed"))).count();
        } else {
            List<Map<String, Object>> others = await(db.selectRaw("SELECT id FROM information_schema.processlist "
                    + "WHERE db = DATABASE() AND id <> CONNECTION_ID() AND command <> 'Daemon'"));
            int killed = 0;
            for (Map<String, Object> other : others) {
                try {
                    await(db.execute("KILL CONNECTION " + ((Number) other.get("id")).longValue()));
                    killed++;
                } catch (NextOrmException ignored) {
                    // the connection was gone already
                }
            }
            return killed;
        }
    }
}
