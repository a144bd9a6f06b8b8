package io.nextorm.kit;

import io.nextorm.Functions;
import io.nextorm.Tuple;
import io.nextorm.testkit.school.Group;
import io.nextorm.testkit.school.Group_;
import io.nextorm.testkit.school.SchoolTestKit;
import io.nextorm.testkit.school.Student;
import io.nextorm.testkit.school.Student_;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Projections ({@code db.select(...)}): values and tuples instead of entities, records, grouping,
 * HAVING, DISTINCT, aggregates with DISTINCT, ordering by expressions, several entities.
 */
class ProjectionTest extends SchoolTestKit {

    /** A row of a projection mapped onto a record. */
    record NameAndGpa(String name, double gpa) {
    }

    private Long groupId(String name) {
        return await(db.aselect(Group.class).filter(Group_.name.eq(name)).fetchOne()).getId();
    }

    @Test
    void selectsValuesAsTuples() {
        List<Tuple> rows = await(db.select(Student_.name, Student_.gpa).filter(Student_.gpa.ge(3.6))
                .orderBy(Student_.name.asc()).fetchAll());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(Student_.name)).isEqualTo("ann");
        assertThat(rows.get(0).get(1, Double.class)).isEqualTo(3.9);
        assertThat(rows.get(1).toList()).containsExactly("dan", 3.6);
    }

    @Test
    void lambdaWhereOnTheSelectedEntity() {
        List<Tuple> rows = await(db.select(Student_.name).where((Student s) -> s.getGpa() >= 3.6)
                .orderBy(Student_.name.asc()).fetchAll());
        assertThat(rows).extracting(row -> row.get(0)).containsExactly("ann", "dan");
    }

    @Test
    void mapsRowsOntoARecord() {
        List<NameAndGpa> rows = await(db.select(Student_.name, Student_.gpa).as(NameAndGpa.class)
                .filter(Student_.gpa.lt(2.95)).orderBy(Student_.gpa.asc()).fetchAll());
        assertThat(rows).containsExactly(new NameAndGpa("bob", 2.5), new NameAndGpa(" eve ", 2.9));
    }

    @Test
    void groupByWithHaving() {
        List<Tuple> rows = await(db.select(Student_.group, Student_.gpa.avg(), Functions.count())
                .filter(Student_.group.isNotNull()).groupBy(Student_.group)
                .having(Student_.gpa.avg().gt(3.21)).fetchAll());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(0, Long.class)).isEqualTo(groupId("B"));
        assertThat(rows.get(0).get(1, Double.class)).isCloseTo(3.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rows.get(0).get(2)).isEqualTo(2L);
    }

    @Test
    void countDistinctAndDistinctRows() {
        assertThat(await(db.select(Student_.group.countDistinct()).fetchOne()).get(0)).isEqualTo(2L);
        assertThat(await(db.select(Student_.group).filter(Student_.group.isNotNull()).distinct().count())).isEqualTo(2L);
    }

    @Test
    void orderingByAnExpressionAndPaging() {
        List<Tuple> rows = await(db.select(Student_.name).orderBy(Student_.gpa.times(2).desc()).limit(2).fetchAll());
        assertThat(rows).extracting(row -> row.get(0)).containsExactly("ann", "dan");
        assertThat(await(db.select(Student_.name).orderBy(Student_.gpa.desc()).offset(5).fetchAll()))
                .extracting(row -> row.get(0)).containsExactly("bob");
    }

    @Test
    void fromTwoEntitiesWithAnExplicitCondition() {
        List<Tuple> rows = await(db.select(Student_.name, Group_.name).filter(Student_.group.eqAttribute(Group_.id))
                .filter(Group_.number.eq(2)).orderBy(Student_.name.asc()).fetchAll());
        assertThat(rows).extracting(Tuple::toList).containsExactly(List.of(" eve ", "B"), List.of("dan", "B"));
    }

    @Test
    void relationAggregatesAndFunctionsAreSelectable() {
        List<Tuple> rows = await(db.select(Group_.name, Group_.students.count(), Functions.concat(Group_.name, "-x"))
                .orderBy(Group_.name.asc()).fetchAll());
        assertThat(rows).extracting(Tuple::toList)
                .containsExactly(List.of("A", 3L, "A-x"), List.of("B", 2L, "B-x"), List.of("C", 0L, "C-x"));
    }

    @Test
    void streamsWithBackpressure() {
        db.select(Student_.name).orderBy(Student_.name.asc()).stream().map(row -> row.get(0))
                .as(StepVerifier::create).expectNext(" eve ", "ann").thenCancel().verify(TIMEOUT);
    }

    @Test
    void theSqlTextHasNoValues() {
        String sql = db.select(Student_.name).filter(Student_.name.eq("ann")).having(Student_.gpa.max().gt(1.5))
                .groupBy(Student_.name).getSql();
        assertThat(sql).doesNotContain("ann").doesNotContain("1.5").contains("GROUP BY").contains("HAVING");
    }

    @Test
    void wrongUseIsRefusedWithAMessage() {
        assertThatThrownBy(() -> db.select()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one or more");
        assertThatThrownBy(() -> db.select(Functions.count())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attribute of an entity");
        assertThatThrownBy(() -> db.select(Student_.name).as(String.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record");
        assertThatThrownBy(() -> db.select(Student_.name).as(NameAndGpa.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one component per selected value");
        assertThatThrownBy(() -> await(db.select(Student_.name).fetchOne()).get(Student_.gpa))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in this tuple");
    }
}
