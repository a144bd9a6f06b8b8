package io.nextorm.kit;

import io.nextorm.OptimisticCheckException;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.TestDatabase;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Author_;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A flush writes a run of objects changed alike (the same columns changed and checked) in one round
 * trip per 500 of them: on PostgreSQL as one UPDATE over a list of rows that returns which rows it
 * updated, on MariaDB as one UPDATE picking each row's value by its key (after a savepoint, to name
 * the object of a short count), elsewhere as one UPDATE with a set of bindings per object. Each
 * object keeps its own optimistic check either way.
 */
class ChangedRowsTogetherTest extends DatabaseTestKit {

    private static final int AUTHORS = 1_200;

    @Override
    protected List<Class<?>> entities() {
        return List.of(Author.class, Article.class, Tag.class);
    }

    private List<Long> saveAuthors() {
        return await(db.session(s -> Flux.range(0, AUTHORS).map(i -> s.add(new Author("a" + i))).collectList()))
                .stream().map(a -> a.id).toList();
    }

    private Map<Long, String> storedNames() {
        return await(db.aselect(Author.class).fetchAll()).stream().collect(Collectors.toMap(a -> a.id, a -> a.name));
    }

    private Map<String, Long> updateExecutions() {
        return db.localStats().entrySet().stream().filter(e -> e.getKey().startsWith("UPDATE"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().count()));
    }

    @Test
    void aLongRunIsWrittenInStatementsOfFiveHundredEachRowWithItsOwnValue() {
        List<Long> ids = saveAuthors();
        db.clearLocalStats();

        await(db.session(s -> db.aselect(Author.class).fetchAll()
                .doOnNext(all -> all.forEach(a -> a.name = a.name + "@" + a.id))));

        Map<Long, String> names = storedNames();
        assertThat(names).hasSize(AUTHORS);
        for (int i = 0; i < AUTHORS; i++) {
            assertThat(names.get(ids.get(i))).isEqualTo("a" + i + "@" + ids.get(i));
        }
        Map<String, Long> updates = updateExecutions();
        if (target == TestDatabase.POSTGRES) {
            assertThat(updates.values()).as("500 + 500 + 200 rows: two texts, three statements")
                    .containsExactlyInAnyOrder(2L, 1L);
            assertThat(updates.keySet()).allSatisfy(sql -> assertThat(sql).startsWith("UPDATE author AS t SET name = v.c0 FROM (VALUES (0, $1, $2, $3), (1, $4, $5, $6)")
                    .endsWith(") AS v(n, c0, k0, o0) WHERE t.id = v.k0 AND t.name = v.o0 RETURNING v.n"));
        } else if (target == TestDatabase.MARIADB) {
            assertThat(updates.values()).as("500 + 500 + 200 rows: two texts, three statements")
                    .containsExactlyInAnyOrder(2L, 1L);
            assertThat(updates.keySet()).allSatisfy(sql -> assertThat(sql)
                    .startsWith("UPDATE author SET name = CASE WHEN id = ? THEN ? WHEN id = ? THEN ? WHEN")
                    .contains(" END WHERE (id = ? AND name = ?) OR (id = ? AND name = ?) OR (")
                    .endsWith("(id = ? AND name = ?)"));
        } else {
            assertThat(updates.values()).as("one execution per row, each run of 500 one round trip")
                    .containsExactly((long) AUTHORS);
        }
    }

    @Test
    void aRowChangedBehindTheSecondStatementFailsNamingItsObjectAndNothingIsWritten() {
        List<Long> ids = saveAuthors();
        Long behind = ids.get(730);

        assertThatThrownBy(() -> await(db.session(s -> db.aselect(Author.class).fetchAll()
                .flatMap(all -> db.execute("UPDATE author SET name = 'behind' WHERE id = " + behind)
                        .contextWrite(ctx -> Context.empty()).thenReturn(all))
                .doOnNext(all -> all.forEach(a -> a.name = a.name + "!")))))
                .isInstanceOf(OptimisticCheckException.class).hasMessageContaining("Author[" + behind + "]")
                .hasMessageContaining("[name]");

        Map<Long, String> names = storedNames();
        assertThat(names.get(behind)).isEqualTo("behind");
        assertThat(names.values().stream().filter(n -> n.endsWith("!"))).as("the whole flush rolled back").isEmpty();
    }

    @Test
    void aRowDeletedBehindTheRunFailsNamingItsObject() {
        List<Long> ids = saveAuthors();
        Long gone = ids.get(AUTHORS - 1);

        assertThatThrownBy(() -> await(db.session(s -> db.aselect(Author.class).fetchAll()
                .flatMap(all -> db.execute("DELETE FROM author WHERE id = " + gone)
                        .contextWrite(ctx -> Context.empty()).thenReturn(all))
                .doOnNext(all -> all.forEach(a -> a.email = a.name + "@example.org")))))
                .isInstanceOf(OptimisticCheckException.class).hasMessageContaining("Author[" + gone + "]");

        assertThat(await(db.aselect(Author.class).filter(Author_.email.isNotNull()).count())).isZero();
    }

    @Test
    void valuesSetToNullAndFromNullInOneRunAreWritten() {
        List<Long> ids = saveAuthors().subList(0, 3);
        await(db.session(s -> db.aselect(Author.class).filter(Author_.id.in(ids)).fetchAll()
                .doOnNext(all -> all.forEach(a -> a.email = a.id.equals(ids.get(0)) ? null : "was@set"))));
        db.clearLocalStats();

        await(db.session(s -> db.aselect(Author.class).filter(Author_.id.in(ids)).orderBy(Author_.id.asc()).fetchAll()
                .doOnNext(all -> all.forEach(a -> a.email = a.id.equals(ids.get(0)) ? "now@set" : null))));

        assertThat(await(db.aselect(Author.class).filter(Author_.id.in(ids)).orderBy(Author_.id.asc()).fetchAll()))
                .extracting(a -> a.email).containsExactly("now@set", null, null);
        assertThat(updateExecutions().values().stream().mapToLong(Long::longValue).sum())
                .as("checked IS NULL for the first, = for the other two: two runs")
                .isEqualTo(target == TestDatabase.POSTGRES || target == TestDatabase.MARIADB ? 2L : 3L);
    }
}
