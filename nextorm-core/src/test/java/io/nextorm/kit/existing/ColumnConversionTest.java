package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.SchemaCheck;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.MapperComparison;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Columns whose type the driver will not turn into the field's type by itself: integer, char(1) and
 * varchar booleans, integers into {@code Short}/{@code Byte}, a DATE into {@code LocalDateTime}. The
 * dialect reads the native value and converts it; the schema check accepts these pairs.
 */
class ColumnConversionTest extends ExistingSchemaKit {

    @Entity(table = "cv_flags")
    static class Flags {
        @PrimaryKey Integer id;
        boolean activeInt;
        Boolean activeChar;
        boolean activeVarchar;
        Short smallNumber;
        Byte tiny;
        LocalDateTime born;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Flags.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("cv_flags");
    }

    @Override
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(SchemaCheck.VALIDATE, true);
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return List.of("CREATE TABLE cv_flags (id INT NOT NULL PRIMARY KEY, active_int INT NOT NULL, active_char CHAR(1) NOT NULL,"
                + " active_varchar VARCHAR(5) NOT NULL, small_number INT NOT NULL, tiny INTEGER NOT NULL, born DATE NOT NULL)");
    }

    private void rows() {
        await(db.execute("INSERT INTO cv_flags VALUES (1, 1, 'Y', 't', 7, 3, '2020-01-02')"));
        await(db.execute("INSERT INTO cv_flags VALUES (2, 0, 'N', 'false', -2, -1, '2021-03-04')"));
    }

    private Flags flags(int id, boolean on) {
        Flags flags = new Flags();
        flags.id = id;
        flags.activeInt = on;
        flags.activeChar = on;
        flags.activeVarchar = on;
        flags.smallNumber = (short) id;
        flags.tiny = (byte) id;
        flags.born = LocalDateTime.of(2020, 1, 2, 0, 0);
        return flags;
    }

    @Test
    void booleansAreWrittenAsOneAndZeroIntoIntegersAndYAndNIntoText() {
        await(db.session(s -> Mono.fromRunnable(() -> {
            s.add(flags(1, true));
            s.add(flags(2, false));
        })));

        List<java.util.Map<String, Object>> raw = await(db.selectRaw(
                "SELECT active_int, active_char, active_varchar, small_number, tiny FROM cv_flags ORDER BY id"));
        assertThat(raw).extracting(row -> ((Number) cell(row, "active_int")).intValue()).containsExactly(1, 0);
        assertThat(raw).extracting(row -> String.valueOf(cell(row, "active_char")).trim()).containsExactly("Y", "N");
        assertThat(raw).extracting(row -> String.valueOf(cell(row, "active_varchar"))).containsExactly("Y", "N");
        assertThat(raw).extracting(row -> ((Number) cell(row, "small_number")).intValue()).containsExactly(1, 2);
    }

    @Test
    void conditionsAndLambdasOnBooleansOverIntegerAndTextColumnsBindTheColumnsConvention() {
        rows();
        await(db.session(s -> Mono.fromRunnable(() -> s.add(flags(3, true)))));

        assertThat(await(db.aselect(Flags.class).filter(ColumnConversionTest_Flags_.activeInt.eq(true))
                .orderBy(ColumnConversionTest_Flags_.id.asc()).fetchAll())).extracting(f -> f.id).containsExactly(1, 3);
        assertThat(await(db.aselect(Flags.class).filter(ColumnConversionTest_Flags_.activeChar.isTrue())
                .orderBy(ColumnConversionTest_Flags_.id.asc()).fetchAll())).extracting(f -> f.id).containsExactly(1, 3);
        assertThat(await(db.aselect(Flags.class).where(f -> !f.activeInt).fetchAll())).extracting(f -> f.id).containsExactly(2);
        assertThat(await(db.aselect(Flags.class).where(f -> f.activeChar && f.smallNumber == 3).fetchAll()))
                .extracting(f -> f.id).containsExactly(3);
    }

    @Test
    void aChangedBooleanIsUpdatedInTheColumnsConvention() {
        await(db.session(s -> Mono.fromRunnable(() -> s.add(flags(1, true)))));

        await(db.session(s -> db.aselect(Flags.class).filter(ColumnConversionTest_Flags_.id.eq(1)).getOrRaise()
                .doOnNext(f -> {
                    f.activeInt = false;
                    f.activeChar = false;
                })));
        await(db.aselect(Flags.class).filter(ColumnConversionTest_Flags_.id.eq(1))
                .update(java.util.Map.of("activeVarchar", false)));

        Flags loaded = await(db.aselect(Flags.class).filter(ColumnConversionTest_Flags_.id.eq(1)).getOrRaise());
        assertThat(loaded.activeInt).isFalse();
        assertThat(loaded.activeChar).isFalse();
        assertThat(loaded.activeVarchar).isFalse();
        java.util.Map<String, Object> raw = await(db.selectRaw("SELECT active_char, active_varchar FROM cv_flags")).get(0);
        assertThat(String.valueOf(cell(raw, "active_char")).trim()).isEqualTo("N");
        assertThat(String.valueOf(cell(raw, "active_varchar"))).isEqualTo("N");
    }

    private static Object cell(java.util.Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow().getValue();
    }

    @Test
    void integerAndCharColumnsReadAsBooleansAndIntegersAsShortAndByte() {
        rows();

        List<Flags> all = await(db.aselect(Flags.class).orderBy(ColumnConversionTest_Flags_.id.asc()).fetchAll());

        assertThat(all).extracting(f -> f.activeInt, f -> f.activeChar, f -> f.activeVarchar)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, true, true),
                        org.assertj.core.groups.Tuple.tuple(false, false, false));
        assertThat(all).extracting(f -> f.smallNumber).containsExactly((short) 7, (short) -2);
        assertThat(all).extracting(f -> f.tiny).containsExactly((byte) 3, (byte) -1);
        assertThat(all).extracting(f -> f.born)
                .containsExactly(LocalDateTime.of(2020, 1, 2, 0, 0), LocalDateTime.of(2021, 3, 4, 0, 0));
    }

    @Test
    void aCharThatIsNoBooleanIsAnErrorNamingTheValue() {
        await(db.execute("INSERT INTO cv_flags VALUES (3, 1, 'X', 't', 7, 3, '2020-01-02')"));

        assertThatThrownBy(() -> await(db.aselect(Flags.class).fetchAll()))
                .hasStackTraceContaining("'X' as a boolean").hasStackTraceContaining("map the column as a String");
    }

    @Test
    void anIntegerTooLargeForByteIsAnErrorNotACutValue() {
        await(db.execute("INSERT INTO cv_flags VALUES (4, 1, 'Y', 't', 7, 300, '2020-01-02')"));

        assertThatThrownBy(() -> await(db.aselect(Flags.class).fetchAll())).hasStackTraceContaining("does not fit");
    }

    @Test
    void theGeneratedMapperConvertsAsTheHandleMapper() {
        rows();

        List<MapperComparison.Mapped<Flags>> both = MapperComparison.mapBoth(db, Flags.class, List.of(Flags.class));

        assertThat(both).hasSize(2);
        assertThat(both.get(0).generated().activeInt).isTrue();
        assertThat(both.get(0).generated().activeChar).isTrue();
        assertThat(both.get(1).generated().activeVarchar).isFalse();
        assertThat(both.get(1).generated().tiny).isEqualTo((byte) -1);
        assertThat(both.get(1).generated().born).isEqualTo(LocalDateTime.of(2021, 3, 4, 0, 0));
        both.forEach(row -> assertThat(row.generated()).usingRecursiveComparison().isEqualTo(row.handles()));
    }
}
