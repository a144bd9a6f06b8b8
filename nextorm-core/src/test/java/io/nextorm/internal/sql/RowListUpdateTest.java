package io.nextorm.internal.sql;

import io.nextorm.annotation.Column;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.dialect.H2Dialect;
import io.nextorm.dialect.MariaDbDialect;
import io.nextorm.dialect.PostgresDialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The statement of many UPDATEs alike and its parameters, for a composite key; no database. */
class RowListUpdateTest {

    @Entity(table = "edition")
    static class Edition {
        @PrimaryKey String code;
        @PrimaryKey @Column(name = "edition_year") int year;
        String title;
        @Nullable String note;
    }

    private final EntityModel<?> model = Mapping.build(List.of(Edition.class), true).entity(Edition.class);
    private final List<PropertyModel> set = List.of(model.property("title"), model.property("note"));
    private final List<PropertyModel> checked = List.of(model.property("title"));
    private final List<PropertyModel> nullChecked = List.of(model.property("note"));

    /** A change's own parameters: the values set, the key, the values checked. */
    private static List<Object> own(String title, String note, String code, int year, String oldTitle) {
        return java.util.Arrays.asList(title, note, code, year, oldTitle);
    }

    @Test
    void byKeyEveryValueIsPickedByTheRowsKeyAndEveryRowKeepsItsChecks() {
        RowListUpdate update = RowListUpdate.of(new MariaDbDialect(), model, set, checked, nullChecked, 2);
        assertThat(update.returnsRows()).isFalse();
        assertThat(update.sql()).isEqualTo("UPDATE edition SET "
                + "title = CASE WHEN code = ? AND edition_year = ? THEN ? WHEN code = ? AND edition_year = ? THEN ? END, "
                + "note = CASE WHEN code = ? AND edition_year = ? THEN ? WHEN code = ? AND edition_year = ? THEN ? END "
                + "WHERE (code = ? AND edition_year = ? AND title = ? AND note IS NULL) "
                + "OR (code = ? AND edition_year = ? AND title = ? AND note IS NULL)");
        assertThat(update.parameters(List.of(own("T1", "n1", "KT", 2021, "t1"), own("T2", null, "KT", 2022, "t2"))))
                .containsExactly("KT", 2021, "T1", "KT", 2022, "T2",
                        "KT", 2021, "n1", "KT", 2022, null,
                        "KT", 2021, "t1", "KT", 2022, "t2");
        assertThat(RowListUpdate.parametersPerRow(new MariaDbDialect(), model, set, 5))
                .as("the key once more per column set").isEqualTo(5 + 2 * 2);
    }

    @Test
    void overAListEachRowHoldsTheChangesOwnParametersInOrder() {
        RowListUpdate update = RowListUpdate.of(new PostgresDialect(), model, set, checked, nullChecked, 2);
        assertThat(update.returnsRows()).isTrue();
        assertThat(update.sql()).isEqualTo("UPDATE edition AS t SET title = v.c0, note = v.c1 FROM (VALUES "
                + "(0, $1, $2, $3, $4, $5), (1, $6, $7, $8, $9, $10)) AS v(n, c0, c1, k0, k1, o0) "
                + "WHERE t.code = v.k0 AND t.edition_year = v.k1 AND t.title = v.o0 AND t.note IS NULL RETURNING v.n");
        assertThat(update.parameters(List.of(own("T1", "n1", "KT", 2021, "t1"), own("T2", null, "KT", 2022, "t2"))))
                .containsExactly("T1", "n1", "KT", 2021, "t1", "T2", null, "KT", 2022, "t2");
        assertThat(RowListUpdate.parametersPerRow(new PostgresDialect(), model, set, 5)).isEqualTo(5);
    }

    @Test
    void aDialectWithNeitherFormHasNoStatement() {
        assertThat(RowListUpdate.of(new H2Dialect(), model, set, checked, nullChecked, 2)).isNull();
    }
}
