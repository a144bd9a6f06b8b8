package io.nextorm.kit;

import io.nextorm.AsyncQuerySet;
import io.nextorm.Conditions;
import io.nextorm.testkit.school.Course;
import io.nextorm.testkit.school.Course_;
import io.nextorm.testkit.school.Group;
import io.nextorm.testkit.school.Group_;
import io.nextorm.testkit.school.SchoolTestKit;
import io.nextorm.testkit.school.Student;
import io.nextorm.testkit.school.Student_;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PonyORM's aggregates, quantifiers and membership over relations, and subqueries: each in the
 * metamodel DSL and as a lambda, which give the same SQL and the same rows.
 */
class RelationQueryTest extends SchoolTestKit {

    private static List<String> groupNames(AsyncQuerySet<Group> query) {
        return query.orderBy(Group_.name.asc()).fetchAll().block(TIMEOUT).stream().map(Group::getName).toList();
    }

    private static List<String> studentNames(AsyncQuerySet<Student> query) {
        return query.orderBy(Student_.name.asc()).fetchAll().block(TIMEOUT).stream().map(Student::getName).toList();
    }

    private void sameSqlAndRows(AsyncQuerySet<Group> dsl, AsyncQuerySet<Group> lambda, String... expected) {
        assertThat(lambda.getSql()).isEqualTo(dsl.getSql());
        assertThat(groupNames(dsl)).containsExactly(expected);
        assertThat(groupNames(lambda)).containsExactly(expected);
    }

    @Test
    void countOfASetComparesInAConditionLikeSize() {
        sameSqlAndRows(db.aselect(Group.class).filter(Group_.students.count().gt(2)),
                db.aselect(Group.class).where(g -> g.getStudents().size() > 2), "A");
        assertThat(db.aselect(Group.class).filter(Group_.students.count().gt(2)).getSql())
                .contains("(SELECT COUNT(*) FROM student sq1 WHERE sq1.group_id = t0.id)");
    }

    @Test
    void isEmptyOfASetIsNotExists() {
        sameSqlAndRows(db.aselect(Group.class).filter(Group_.students.isEmpty()),
                db.aselect(Group.class).where(g -> g.getStudents().isEmpty()), "C");
        sameSqlAndRows(db.aselect(Group.class).filter(Group_.students.isNotEmpty()),
                db.aselect(Group.class).where(g -> !g.getStudents().isEmpty()), "A", "B");
    }

    @Test
    void anyMatchIsExistsOfTheElementsThatMatch() {
        sameSqlAndRows(db.aselect(Group.class).filter(Group_.students.anyMatch(Student_.gpa.gt(3.5))),
                db.aselect(Group.class).where(g -> g.getStudents().stream().anyMatch(s -> s.getGpa() > 3.5)), "A", "B");
        double limit = 3.7;
        sameSqlAndRows(db.aselect(Group.class).filter(Group_.students.anyMatch(Student_.gpa.gt(limit))),
                db.aselect(Group.class).where(g -> g.getStudents().stream().anyMatch(s -> s.getGpa() > limit)), "A");
    }

    @Test
    void allMatchAndNoneMatchAreNotExists() {
        sameSqlAndRows(db.aselect(Group.class).filter(Group_.students.allMatch(Student_.gpa.gt(2.7))),
                db.aselect(Group.class).where(g -> g.getStudents().stream().allMatch(s -> s.getGpa() > 2.7)), "B", "C");
        sameSqlAndRows(db.aselect(Group.class).filter(Group_.students.noneMatch(Student_.gpa.lt(3.0))),
                db.aselect(Group.class).where(g -> g.getStudents().stream().noneMatch(s -> s.getGpa() < 3.0)), "C");
    }

    @Test
    void aggregatesOfAnElementProperty() {
        assertThat(groupNames(db.aselect(Group.class).filter(Group_.students.avg(Student_.gpa).gt(3.1)))).containsExactly("A", "B");
        assertThat(groupNames(db.aselect(Group.class).filter(Group_.students.max(Student_.gpa).gt(3.8)))).containsExactly("A");
        assertThat(groupNames(db.aselect(Group.class).filter(Group_.students.min(Student_.gpa).lt(2.6)))).containsExactly("A");
        assertThat(groupNames(db.aselect(Group.class).filter(Group_.students.sum(Student_.gpa).gt(9.0)))).containsExactly("A");
    }

    @Test
    void containsOfAnEntityIsMembership() {
        Student dan = db.aselect(Student.class).filter(Student_.name.eq("dan")).fetchOne().block(TIMEOUT);
        sameSqlAndRows(db.aselect(Group.class).filter(Group_.students.contains(dan)),
                db.aselect(Group.class).where(g -> g.getStudents().contains(dan)), "B");
    }

    @Test
    void manyToManyRelationsCountThroughTheLinkTable() {
        assertThat(studentNames(db.aselect(Student.class).filter(Student_.courses.count().eq(2)))).containsExactly("ann");
        assertThat(studentNames(db.aselect(Student.class).where(s -> s.getCourses().size() == 2))).containsExactly("ann");
        List<String> mathStudents = studentNames(db.aselect(Student.class)
                .where(s -> s.getCourses().stream().anyMatch(c -> c.getName().equals("math"))));
        assertThat(mathStudents).containsExactly("ann", "dan");
        assertThat(studentNames(db.aselect(Student.class).filter(Student_.courses.anyMatch(Course_.name.eq("math")))))
                .containsExactly("ann", "dan");
    }

    @Test
    void inOfAQuerySetIsAnInSubquery() {
        AsyncQuerySet<Group> early = db.aselect(Group.class).filter(Group_.number.lt(2));
        assertThat(studentNames(db.aselect(Student.class).filter(Student_.group.in(early))))
                .containsExactly("ann", "bob", "cid");
        assertThat(studentNames(db.aselect(Student.class).filter(Student_.group.notIn(early))))
                .containsExactly(" eve ", "dan");
    }

    @Test
    void existsOfAQuerySetCorrelatesThroughTheOuterEntity() {
        AsyncQuerySet<Student> strong = db.aselect(Student.class)
                .filter(Student_.group.eqAttribute(Group_.id), Student_.gpa.ge(3.6));
        assertThat(groupNames(db.aselect(Group.class).filter(Conditions.exists(strong)))).containsExactly("A", "B");
        assertThat(groupNames(db.aselect(Group.class).filter(Conditions.not(Conditions.exists(strong)))))
                .containsExactly("C");
    }

    @Test
    void comparisonWithAScalarSubquery() {
        AsyncQuerySet<Student> aboveAverage = db.aselect(Student.class)
                .filter(Student_.gpa.gt(db.aselect(Student.class).avg(Student_.gpa)));
        assertThat(aboveAverage.getSql()).contains("> (SELECT AVG(sq1.gpa) FROM student sq1)");
        assertThat(studentNames(aboveAverage)).containsExactly("ann", "cid", "dan");
    }

    @Test
    void aSubqueryWithALimitIsRefused() {
        AsyncQuerySet<Group> limited = db.aselect(Group.class).limit(1);
        assertThatThrownBy(() -> Student_.group.in(limited)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without limit");
        assertThatThrownBy(() -> Group_.students.anyMatch(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a condition");
    }

    @Test
    void countOfTheOtherSideOfAManyToMany() {
        assertThat(db.aselect(Course.class).filter(Course_.students.count().ge(1)).count().block(TIMEOUT)).isEqualTo(2L);
    }
}
