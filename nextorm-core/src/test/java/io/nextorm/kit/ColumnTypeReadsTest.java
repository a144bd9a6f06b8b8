package io.nextorm.kit;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.testkit.DatabaseTestKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of an entity are read right whatever each result's column types: where the dialect reads
 * columns as their own types (H2), a result whose column is no longer of its property's type (a
 * column altered to SMALLINT under an {@code Integer} field) is read with the conversions, and a
 * result of matching types again with its own types; one mapper sees all of them. Rows of raw SQL
 * are read by the type of each of their columns too (a BIGINT or SMALLINT cast of an {@code Integer}).
 */
class ColumnTypeReadsTest extends DatabaseTestKit {

    /** An entity of a column of each commonly converted type. */
    @Entity(table = "ctr_reading")
    public static class Reading {
        @PrimaryKey
        Long id;
        @Nullable
        Integer count;
        double level;
        @Nullable
        LocalDateTime at;
        @Nullable
        String label;

        /** For nextorm. */
        public Reading() {
        }

        Reading(Integer count, double level, LocalDateTime at, String label) {
            this.count = count;
            this.level = level;
            this.at = at;
            this.label = label;
        }
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Reading.class);
    }

    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 2, 21, 30, 15);

    @Test
    void eachResultIsReadWithItsOwnColumnTypes() {
        // SQLite has no ALTER COLUMN, and its dialect reads every column as the driver's value anyway
        Assumptions.assumeFalse(target.isSqlite(), "SQLite cannot change a column's type");
        await(db.asave(new Reading(7, 1.5, AT, "seven")));
        await(db.asave(new Reading(null, -2.25, AT.plusDays(1), "none")));

        assertRead();
        alterCount("SMALLINT");
        assertRead();
        alterCount("INTEGER");
        assertRead();
    }

    @Test
    void aNullInAnExactlyTypedColumnLeavesItsFieldNull() {
        await(db.asave(new Reading(null, 0, null, null)));
        Reading read = await(db.aselect(Reading.class).fetchOne());
        assertThat(read.count).isNull();
        assertThat(read.at).isNull();
        assertThat(read.label).isNull();
        assertThat(read.level).isZero();
    }

    @Test
    void rawSqlRowsAreReadWhateverTheirColumnTypes() {
        await(db.asave(new Reading(7, 1.5, AT, "seven")));
        String widened = target == TestDatabase.MARIADB ? "CAST(count AS SIGNED)" : "CAST(count AS BIGINT)";
        String narrowed = target == TestDatabase.MARIADB ? "count" : "CAST(count AS SMALLINT)";
        for (String count : List.of("count", widened, narrowed, "count")) {
            Reading read = await(db.aselect(Reading.class).rawOne(
                    "SELECT id, " + count + " AS count, level, label FROM ctr_reading", List.of()));
            assertThat(read.count).as(count).isEqualTo(7);
            assertThat(read.level).as(count).isEqualTo(1.5);
            assertThat(read.label).isEqualTo("seven");
        }
    }

    private void assertRead() {
        List<Reading> rows = await(db.aselect(Reading.class).fetchAll()).stream()
                .sorted(Comparator.comparing(r -> r.label)).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).label).isEqualTo("none");
        assertThat(rows.get(0).count).isNull();
        assertThat(rows.get(0).level).isEqualTo(-2.25);
        assertThat(rows.get(0).at).isEqualTo(AT.plusDays(1));
        assertThat(rows.get(1).label).isEqualTo("seven");
        assertThat(rows.get(1).count).isEqualTo(7);
        assertThat(rows.get(1).level).isEqualTo(1.5);
        assertThat(rows.get(1).at).isEqualTo(AT);
        // the single-row path reads through the same mapper
        long key = rows.get(1).id;
        Reading byKey = await(db.aselect(Reading.class).where(r -> r.id == key).get());
        assertThat(byKey.count).isEqualTo(7);
        assertThat(byKey.at).isEqualTo(AT);
    }

    private void alterCount(String type) {
        String sql = switch (target) {
            case POSTGRES -> "ALTER TABLE ctr_reading ALTER COLUMN count TYPE " + type;
            case MARIADB -> "ALTER TABLE ctr_reading MODIFY count " + type;
            default -> "ALTER TABLE ctr_reading ALTER COLUMN count SET DATA TYPE " + type;
        };
        await(db.execute(sql));
    }
}
