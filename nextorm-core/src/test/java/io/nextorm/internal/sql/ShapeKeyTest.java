package io.nextorm.internal.sql;

import io.nextorm.internal.query.SelectSpec;
import io.nextorm.query.Aggregate;
import io.nextorm.query.Arithmetic;
import io.nextorm.query.Between;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Exists;
import io.nextorm.query.Expression;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.InList;
import io.nextorm.query.InSubquery;
import io.nextorm.query.Join;
import io.nextorm.query.JoinType;
import io.nextorm.query.Junction;
import io.nextorm.query.Like;
import io.nextorm.query.Negation;
import io.nextorm.query.NullCheck;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.ScalarFunction;
import io.nextorm.query.Subquery;
import io.nextorm.query.Truth;
import io.nextorm.query.Value;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache key read off a query agrees with the erased tree it replaces: equal exactly when the
 * erased trees are equal, with the same values in the same order.
 */
class ShapeKeyTest {

    private static final PropertyPath TITLE = PropertyPath.of(Article.class, "title");
    private static final PropertyPath VIEWS = PropertyPath.of(Article.class, "views");
    private static final PropertyPath NAME = PropertyPath.of(Author.class, "name");

    /** Every kind of node, each twice with other values (same shape) and once changed (other shape). */
    private static List<Condition> conditions(int v) {
        Subquery sub = new Subquery(Author.class, List.of(new Comparison(NAME, Comparison.Operator.EQ, new Value("n" + v))),
                List.of(), new Aggregate(Aggregate.Function.MAX, NAME, false), null);
        return List.of(
                new Comparison(TITLE, Comparison.Operator.EQ, new Value("t" + v)),
                new Comparison(TITLE, Comparison.Operator.NE, new Value("t" + v)),
                new Comparison(new Value(v), Comparison.Operator.LT, VIEWS),
                new Comparison(TITLE, Comparison.Operator.EQ, TITLE),
                new Between(VIEWS, new Value((long) v), new Value(v + 5L)),
                new InList(VIEWS, List.of(v, v + 1), false),
                new InList(VIEWS, List.of(v, v + 1), true),
                new InList(VIEWS, List.of(v, v + 1, v + 2), false),
                new NullCheck(TITLE, false),
                new NullCheck(TITLE, true),
                new Like(TITLE, "p" + v + "%", false),
                new Like(TITLE, "p" + v + "%", true),
                new Junction(Junction.Kind.AND, List.of(new Comparison(VIEWS, Comparison.Operator.GT, new Value(v)), Truth.TRUE)),
                new Junction(Junction.Kind.OR, List.of(new Comparison(VIEWS, Comparison.Operator.GT, new Value(v)), Truth.TRUE)),
                new Negation(new NullCheck(TITLE, false)),
                Truth.TRUE,
                Truth.FALSE,
                new Exists(sub),
                new InSubquery(TITLE, sub, false),
                new Comparison(new Arithmetic(VIEWS, Arithmetic.Operator.ADD, new Value(v)), Comparison.Operator.GT, new Value(3)),
                new Comparison(new FunctionCall(FunctionCall.Function.LOWER, TITLE), Comparison.Operator.EQ, new Value("x" + v)),
                new Comparison(new ScalarFunction(ScalarFunction.Kind.ABS, List.of(new Arithmetic(VIEWS,
                        Arithmetic.Operator.SUBTRACT, new Value(v)))), Comparison.Operator.LT, new Value(9)));
    }

    private static List<SelectSpec> specs(int v) {
        List<SelectSpec> specs = new ArrayList<>();
        for (Condition condition : conditions(v)) {
            specs.add(SelectSpec.of(Article.class).withWhere(List.of(condition)));
        }
        SelectSpec base = SelectSpec.of(Article.class).withWhere(List.of(new Comparison(VIEWS, Comparison.Operator.GT,
                new Value(v))));
        specs.add(base.withLimitOffset((long) v, null));
        specs.add(base.withLimitOffset((long) v, (long) v * 2));
        specs.add(base.withLimitOffset(null, (long) v));
        specs.add(base.withOrderBy(List.of(new OrderItem(TITLE, true))));
        specs.add(base.withOrderBy(List.of(new OrderItem(TITLE, false))));
        specs.add(base.withOrderBy(List.of(new OrderItem(new Arithmetic(VIEWS, Arithmetic.Operator.MULTIPLY, new Value(v)), false))));
        specs.add(base.withDistinct(true));
        specs.add(base.withRandomOrder());
        specs.add(base.withLock(SelectSpec.Lock.FOR_UPDATE));
        specs.add(base.withPrefetch(List.of(PropertyPath.of(Article.class, "author"))));
        specs.add(base.withJoin(new Join(Author.class, new Comparison(NAME, Comparison.Operator.EQ, new Value("j" + v)),
                JoinType.LEFT, "a")));
        specs.add(base.withJoin(new Join(Author.class, new Comparison(NAME, Comparison.Operator.EQ, new Value("j" + v)),
                JoinType.INNER, "a")));
        specs.add(SelectSpec.of(Author.class));
        return specs;
    }

    private static SelectShape erased(SelectSpec spec) {
        return SelectShape.of(spec);
    }

    @Test
    void keysAreEqualExactlyWhenTheErasedTreesAre() {
        List<SelectSpec> first = specs(1);
        List<SelectSpec> second = specs(2);
        for (SelectSpec a : first) {
            for (SelectSpec b : second) {
                ShapeKey x = ShapeKey.of(a, new ArrayList<>());
                ShapeKey y = ShapeKey.of(b, new ArrayList<>());
                boolean erasedEqual = erased(a).key().equals(erased(b).key());
                assertThat(x.equals(y)).as("%s vs %s", a, b).isEqualTo(erasedEqual);
                if (erasedEqual) {
                    assertThat(x.hashCode()).isEqualTo(y.hashCode());
                }
            }
        }
    }

    @Test
    void theSameQueryOfOtherValuesIsTheSameKey() {
        List<SelectSpec> first = specs(1);
        List<SelectSpec> second = specs(2);
        for (int i = 0; i < first.size(); i++) {
            assertThat(ShapeKey.of(first.get(i), new ArrayList<>())).isEqualTo(ShapeKey.of(second.get(i), new ArrayList<>()));
        }
    }

    @Test
    void valuesAreTakenOutInTheErasedTreesOrder() {
        for (SelectSpec spec : specs(3)) {
            List<Object> values = new ArrayList<>();
            ShapeKey.of(spec, values);
            assertThat(values).as("%s", spec).isEqualTo(erased(spec).values());
        }
    }

    @Test
    void theKeptKeyWrapsTheErasedTreeAndStillMatches() {
        for (SelectSpec spec : specs(4)) {
            ShapeKey live = ShapeKey.of(spec, new ArrayList<>());
            ShapeKey kept = live.keptAs(erased(spec).key());
            assertThat(kept).isEqualTo(live);
            assertThat(live).isEqualTo(kept);
            assertThat(ShapeKey.of(specs(5).get(specs(4).indexOf(spec)), new ArrayList<>())).isEqualTo(kept);
        }
    }
}
