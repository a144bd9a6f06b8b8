package io.nextorm.kit;

import io.nextorm.AsyncQuerySet;
import io.nextorm.Functions;
import io.nextorm.testkit.school.Group;
import io.nextorm.testkit.school.Group_;
import io.nextorm.testkit.school.SchoolTestKit;
import io.nextorm.testkit.school.Student;
import io.nextorm.testkit.school.Student_;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions in conditions (PonyORM's abs, min/max, strip, slicing, concatenation, date parts) and
 * sub-expressions that do not read the row, evaluated in Java at each execution: the DSL form and the
 * lambda form give the same SQL and the same rows, and values are bound, never written into the SQL.
 */
class FunctionQueryTest extends SchoolTestKit {

    static LocalDate cutoff = LocalDate.of(2001, 1, 1);

    private static List<String> names(AsyncQuerySet<Student> query) {
        return query.orderBy(Student_.name.asc()).fetchAll().block(TIMEOUT).stream().map(Student::getName).toList();
    }

    private void same(AsyncQuerySet<Student> dsl, AsyncQuerySet<Student> lambda, String... expected) {
        assertThat(lambda.getSql()).isEqualTo(dsl.getSql());
        assertThat(names(dsl)).containsExactly(expected);
        assertThat(names(lambda)).containsExactly(expected);
    }

    private AsyncQuerySet<Student> students() {
        return db.aselect(Student.class);
    }

    @Test
    void absOfAnExpression() {
        same(students().filter(Functions.abs(Student_.gpa.minus(3.0)).lt(0.15)),
                students().where(s -> Math.abs(s.getGpa() - 3.0) < 0.15), " eve ", "fay");
    }

    @Test
    void maxAndMinOfTwoValues() {
        same(students().filter(Functions.greatest(Student_.gpa, 3.5).gt(3.7)),
                students().where(s -> Math.max(s.getGpa(), 3.5) > 3.7), "ann");
        same(students().filter(Functions.least(Student_.gpa, 3.0).lt(2.8)),
                students().where(s -> Math.min(s.getGpa(), 3.0) < 2.8), "bob");
    }

    @Test
    void stripAndTrimAreTrim() {
        same(students().filter(Functions.trim(Student_.name).eq("eve")),
                students().where(s -> s.getName().strip().equals("eve")), " eve ");
        same(students().filter(Functions.trim(Student_.name).eq("eve")),
                students().where(s -> s.getName().trim().equals("eve")), " eve ");
    }

    @Test
    void substringIsZeroBasedLikeJava() {
        same(students().filter(Functions.substring(Student_.name, 0, 2).eq("da")),
                students().where(s -> s.getName().substring(0, 2).equals("da")), "dan");
    }

    @Test
    void stringPlusAndConcatAreConcat() {
        AsyncQuerySet<Student> dsl = students().filter(Functions.concat(Student_.name, "!").eq("ann!"));
        same(dsl, students().where(s -> (s.getName() + "!").equals("ann!")), "ann");
        same(dsl, students().where(s -> s.getName().concat("!").equals("ann!")), "ann");
        assertThat(dsl.getSql()).doesNotContain("!");
    }

    @Test
    void indexOfIsZeroBasedAndMinusOneWhenAbsent() {
        same(students().filter(Functions.indexOf(Student_.name, "n").eq(1)),
                students().where(s -> s.getName().indexOf("n") == 1), "ann");
        same(students().filter(Functions.indexOf(Student_.name, "z").eq(-1)),
                students().where(s -> s.getName().indexOf("z") == -1), " eve ", "ann", "bob", "cid", "dan", "fay");
    }

    @Test
    void stringValueOfAColumn() {
        AsyncQuerySet<Group> dsl = db.aselect(Group.class).filter(Functions.asString(Group_.number).eq("2"));
        AsyncQuerySet<Group> lambda = db.aselect(Group.class).where(g -> String.valueOf(g.getNumber()).equals("2"));
        assertThat(lambda.getSql()).isEqualTo(dsl.getSql());
        assertThat(lambda.fetchAll().block(TIMEOUT)).extracting(Group::getName).containsExactly("B");
        assertThat(dsl.fetchAll().block(TIMEOUT)).extracting(Group::getName).containsExactly("B");
    }

    @Test
    void datePartsOfALocalDate() {
        same(students().filter(Functions.year(Student_.born).eq(2001)),
                students().where(s -> s.getBorn().getYear() == 2001), "ann", "dan");
        same(students().filter(Functions.month(Student_.born).eq(7)),
                students().where(s -> s.getBorn().getMonthValue() == 7), "dan");
        same(students().filter(Functions.day(Student_.born).eq(4)),
                students().where(s -> s.getBorn().getDayOfMonth() == 4), "ann");
    }

    @Test
    void aCallThatReadsNoPropertyIsEvaluatedInJavaAndBound() {
        AsyncQuerySet<Student> lambda = students().where(s -> s.getBorn().isAfter(LocalDate.of(2001, 1, 1)));
        same(students().filter(Student_.born.gt(LocalDate.of(2001, 1, 1))), lambda, "ann", "cid", "dan");
        assertThat(lambda.getSql()).doesNotContain("2001");
    }

    private AsyncQuerySet<Student> bornAfterCutoff() {
        return students().where(s -> s.getBorn().isAfter(cutoff));
    }

    @Test
    void aNonFinalStaticFieldIsReadAtEachExecution() {
        LocalDate before = cutoff;
        try {
            assertThat(names(bornAfterCutoff())).containsExactly("ann", "cid", "dan");
            cutoff = LocalDate.of(2002, 1, 1);
            assertThat(names(bornAfterCutoff())).containsExactly("cid");
        } finally {
            cutoff = before;
        }
    }

    @Test
    void aMethodOfACapturedObjectIsEvaluatedAtEachExecution() {
        StringBuilder name = new StringBuilder("da");
        Student found = students().where(s -> s.getName().equals(name.toString())).fetchOne().block(TIMEOUT);
        assertThat(found).isNull();
        name.append("n");
        assertThat(names(students().where(s -> s.getName().equals(name.toString())))).containsExactly("dan");
    }

    @Test
    void orderingByAnExpression() {
        List<String> byDoubleGpa = names(students().orderBy(Student_.gpa.times(2).desc()).limit(2));
        assertThat(students().orderBy(Student_.gpa.times(2).desc()).limit(2).fetchAll().block(TIMEOUT))
                .extracting(Student::getName).containsExactly("ann", "dan");
        assertThat(byDoubleGpa).containsExactlyInAnyOrder("ann", "dan");
    }
}
