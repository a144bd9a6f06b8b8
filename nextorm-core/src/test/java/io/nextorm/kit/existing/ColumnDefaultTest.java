package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.SchemaCheck;
import io.nextorm.SqlExecutionException;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Columns with a DEFAULT in a table made by hand (Sakila's {@code last_update NOT NULL DEFAULT now()}):
 * a required field left null is not written, so the database's DEFAULT applies, and the value it
 * chose is never taken for the one read in an optimistic check. A nullable field holding null is
 * written as NULL. A required column without a DEFAULT is refused by the database, naming it.
 */
class ColumnDefaultTest extends ExistingSchemaKit {

    @Entity(table = "df_note")
    static class Note {
        @PrimaryKey Integer id;
        String title;
        String status;
        Integer priority;
        LocalDateTime stamp;
        @Nullable String remark;

        Note() {
        }

        Note(String title) {
            this.title = title;
        }
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Note.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("df_note");
    }

    @Override
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(SchemaCheck.VALIDATE, true);
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return List.of("CREATE TABLE df_note (id " + generatedKey(database) + ", title VARCHAR(50) NOT NULL,"
                + " status VARCHAR(10) DEFAULT 'draft' NOT NULL, priority INT DEFAULT 5 NOT NULL,"
                + " stamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, remark VARCHAR(50) DEFAULT 'none')");
    }

    private List<Map<String, Object>> rows() {
        return await(db.selectRaw("SELECT * FROM df_note ORDER BY id")).stream()
                .map(row -> {
                    Map<String, Object> lower = new java.util.TreeMap<>();
                    row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
                    return (Map<String, Object>) lower;
                }).toList();
    }

    @Test
    void requiredFieldsLeftNullTakeTheColumnDefaultsInAMultiRowFlush() {
        List<Note> notes = new ArrayList<>();
        await(db.session(s -> Mono.fromRunnable(() -> {
            Note plain = new Note("plain");
            Note chosen = new Note("chosen");
            chosen.status = "final";
            chosen.priority = 9;
            chosen.stamp = LocalDateTime.of(2020, 1, 2, 3, 4, 5);
            chosen.remark = "kept";
            Note alsoPlain = new Note("also plain");
            notes.addAll(List.of(plain, chosen, alsoPlain));
            notes.forEach(s::add);
        })));

        assertThat(notes).allSatisfy(note -> assertThat(note.id).isNotNull());
        List<Map<String, Object>> rows = rows();
        assertThat(rows).extracting(r -> r.get("title")).containsExactly("plain", "chosen", "also plain");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("draft", "final", "draft");
        assertThat(rows).extracting(r -> ((Number) r.get("priority")).intValue()).containsExactly(5, 9, 5);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("stamp")).isNotNull());
        // a @Nullable field holding null is written: NULL, not the DEFAULT
        assertThat(rows).extracting(r -> r.get("remark")).containsExactly(null, "kept", null);
        assertThat(notes.get(1).id).isEqualTo(notes.get(0).id + 1);
        assertThat(notes.get(2).id).isEqualTo(notes.get(1).id + 1);
    }

    @Test
    void aDefaultedColumnIsNotCheckedWhenTheObjectIsChangedLaterInTheSameSession() {
        Note note = new Note("first");
        await(db.session(s -> Mono.fromRunnable(() -> s.add(note))
                .then(db.aflush())
                .then(Mono.fromRunnable(() -> {
                    note.status = "reviewed";
                    note.title = "second";
                }))));
        Map<String, Object> row = rows().get(0);
        assertThat(row.get("title")).isEqualTo("second");
        assertThat(row.get("status")).isEqualTo("reviewed");
        assertThat(((Number) row.get("priority")).intValue()).isEqualTo(5);
    }

    @Test
    void aLoadedObjectIsChangedWithTheDefaultsChecked() {
        await(db.ainsert(new Note("stored")));
        await(db.session(s -> db.aselect(Note.class).fetchOne().doOnNext(n -> {
            assertThat(n.status).isEqualTo("draft");
            assertThat(n.priority).isEqualTo(5);
            assertThat(n.stamp).isNotNull();
            n.priority = 6;
        })));
        assertThat(((Number) rows().get(0).get("priority")).intValue()).isEqualTo(6);
    }

    @Test
    void asaveOutsideASessionLeavesRequiredColumnsItHasNoValueFor() {
        Note stored = await(db.ainsert(new Note("stored")));
        Note change = new Note("renamed");
        change.id = stored.id;
        await(db.asave(change));
        Map<String, Object> row = rows().get(0);
        assertThat(row.get("title")).isEqualTo("renamed");
        assertThat(row.get("status")).isEqualTo("draft");
        assertThat(((Number) row.get("priority")).intValue()).isEqualTo(5);
        assertThat(row.get("stamp")).isNotNull();
    }

    @Test
    void aRequiredColumnWithoutADefaultIsRefusedByTheDatabaseNamingItAndNothingIsWritten() {
        Note untitled = new Note(null);
        assertThatThrownBy(() -> await(db.session(s -> Mono.fromRunnable(() -> {
            s.add(new Note("fine"));
            s.add(untitled);
        })))).isInstanceOf(SqlExecutionException.class)
                .satisfies(e -> assertThat(e.getMessage().toLowerCase(java.util.Locale.ROOT)).contains("title"))
                .satisfies(e -> assertThat(((SqlExecutionException) e).isIntegrityViolation()).isTrue());
        assertThat(rows()).isEmpty();
    }
}
