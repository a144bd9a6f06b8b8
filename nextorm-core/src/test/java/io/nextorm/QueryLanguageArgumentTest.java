package io.nextorm;

import io.nextorm.query.Aggregate;
import io.nextorm.query.ScalarFunction;
import io.nextorm.query.Value;
import io.nextorm.testkit.school.Course_;
import io.nextorm.testkit.school.Group_;
import io.nextorm.testkit.school.Student;
import io.nextorm.testkit.school.Student_;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The error paths of the query-language DSL: what each public method refuses, and that the message
 * says what was wrong.
 */
class QueryLanguageArgumentTest {

    @Test
    void expressionsRefuseNullOperands() {
        assertThatThrownBy(() -> Student_.gpa.avg().gt(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gt() got null");
        assertThatThrownBy(() -> Student_.gpa.times(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("times() got null");
        assertThatThrownBy(() -> Student_.gpa.avg().in((List<?>) null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Student_.gpa.avg().eq(null)).isEqualTo(Student_.gpa.avg().isNull());
    }

    @Test
    void functionsRefuseMissingArguments() {
        assertThatThrownBy(() -> Functions.abs(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("abs()");
        assertThatThrownBy(() -> Functions.concat()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one part");
        assertThatThrownBy(() -> Functions.substring(Student_.name, 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 <= begin <= end");
        assertThatThrownBy(() -> Functions.sum(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void relationMethodsRefuseNull() {
        assertThatThrownBy(() -> Group_.students.contains(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an entity");
        assertThatThrownBy(() -> Group_.students.sum(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a property of Student");
        assertThatThrownBy(() -> Course_.students.allMatch(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Group_.students.count(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Student_.group.in((AsyncQuerySet<?>) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a query set");
        assertThatThrownBy(() -> Conditions.exists(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void treeNodesCheckTheirArity() {
        assertThatThrownBy(() -> ScalarFunction.of(ScalarFunction.Kind.ABS, new Value(1), new Value(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes 1 argument");
        assertThatThrownBy(() -> new Aggregate(Aggregate.Function.SUM, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only COUNT(*)");
    }

    @Test
    void aScalarQueryWithoutSubqueryExplainsWhy() {
        ScalarQuery<Double> limited = new ScalarQuery<>(Mono.just(1.0), null);
        assertThatThrownBy(limited::subquery).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be a subquery");
        assertThatThrownBy(() -> Student_.gpa.gt(limited)).isInstanceOf(IllegalArgumentException.class);
        assertThat(limited.block()).isEqualTo(1.0);
    }

    @Test
    void aTupleNamesTheTypeItHolds() {
        Tuple tuple = new Tuple(List.of(Student_.name.expression()), List.of("ann"));
        assertThat(tuple.get(0, String.class)).isEqualTo("ann");
        assertThatThrownBy(() -> tuple.get(0, Long.class)).isInstanceOf(ClassCastException.class)
                .hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> tuple.get(Student_.gpa)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tuple.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void projectionBuildersRefuseWrongArguments() {
        AsyncDatabase db = new AsyncDatabase(List.of(io.nextorm.testkit.school.Group.class, Student.class,
                io.nextorm.testkit.school.Course.class));
        db.bind("h2", "mem:qlargs", java.util.Map.of()).then(db.generateMapping(true, true)).block();
        try {
            AsyncSelect<Tuple> select = db.select(Student_.name);
            assertThatThrownBy(() -> select.limit(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> select.offset(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> select.filter((io.nextorm.query.Condition) null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> select.where(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> select.groupBy((Selectable<?>) null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> select.having((io.nextorm.query.Condition) null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> select.orderBy((io.nextorm.query.OrderItem) null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> db.select((Selectable<?>) null)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            db.close().block();
        }
    }
}
