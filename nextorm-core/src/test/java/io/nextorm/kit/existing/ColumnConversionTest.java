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
