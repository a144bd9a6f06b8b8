package io.nextorm.internal.sql;

import io.nextorm.Functions;
import io.nextorm.dialect.PostgresDialect;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.query.ProjectionSpec;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.query.Condition;
import io.nextorm.testkit.school.Course;
import io.nextorm.testkit.school.Group;
import io.nextorm.testkit.school.Group_;
import io.nextorm.testkit.school.Student;
import io.nextorm.testkit.school.Student_;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subqueries, functions and projections are cached per shape like entity queries: the same SQL text
 * object for every query of a shape, each binding its own values in text order.
 */
class QueryLanguageShapeCacheTest {

    private final SqlRenderer renderer = new SqlRenderer(
            Mapping.build(List.of(Group.class, Student.class, Course.class), true), new PostgresDialect());

    private SqlStatement groups(Condition condition) {
        return renderer.select(SelectSpec.of(Group.class).withWhere(List.of(condition)));
    }

    @Test
    void correlatedSubqueriesShareTheirSqlAndBindTheirValues() {
        SqlStatement first = groups(Group_.students.anyMatch(Student_.gpa.gt(3.0)).and(Group_.students.count().gt(1)));
        SqlStatement second = groups(Group_.students.anyMatch(Student_.gpa.gt(3.5)).and(Group_.students.count().gt(2)));
        assertThat(second.sql()).isSameAs(first.sql()).isEqualTo("SELECT t0.id, t0.name, t0.number FROM \"group\" t0"
                + " WHERE EXISTS (SELECT 1 FROM student sq1 WHERE sq1.group_id = t0.id AND (sq1.gpa > $1))"
                + " AND (SELECT COUNT(*) FROM student sq1 WHERE sq1.group_id = t0.id) > $2");
        assertThat(second.parameters()).containsExactly(3.5, 2);
    }

    @Test
    void functionsShareTheirSql() {
        SqlStatement first = renderer.select(SelectSpec.of(Student.class)
                .withWhere(List.of(Functions.substring(Student_.name, 0, 2).eq("da"))));
        SqlStatement second = renderer.select(SelectSpec.of(Student.class)
                .withWhere(List.of(Functions.substring(Student_.name, 1, 3).eq("an"))));
        assertThat(second.sql()).isSameAs(first.sql()).contains("SUBSTRING(name, $1, $2) = $3");
        assertThat(second.parameters()).containsExactly(2, 2, "an");
    }

    @Test
    void projectionsShareTheirSql() {
        ProjectionSpec a = new ProjectionSpec(SelectSpec.of(Student.class).withWhere(List.of(Student_.gpa.gt(1.0))),
                List.of(Student_.name.path(), Functions.concat(Student_.name, "!").expression()), List.of(), List.of());
        ProjectionSpec b = new ProjectionSpec(SelectSpec.of(Student.class).withWhere(List.of(Student_.gpa.gt(2.0))),
                List.of(Student_.name.path(), Functions.concat(Student_.name, "?").expression()), List.of(), List.of());
        SqlStatement first = renderer.project(a);
        SqlStatement second = renderer.project(b);
        assertThat(second.sql()).isSameAs(first.sql())
                .isEqualTo("SELECT name, CONCAT(name, $1) FROM student WHERE gpa > $2");
        assertThat(second.parameters()).containsExactly("?", 2.0);
    }
}
