package io.nextorm.internal.sql;

import io.nextorm.internal.mapping.CompositeKey;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.KeyModel;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.InList;
import io.nextorm.query.Junction;
import io.nextorm.query.Negation;
import io.nextorm.query.NullCheck;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Truth;
import io.nextorm.query.Value;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on a reference to a composite-keyed entity, which has one column per key column, as
 * conditions on those columns: {@code edition = e} becomes {@code edition_code = ? AND edition_year = ?},
 * {@code edition IN (a, b)} an OR of such pairs, {@code edition IS NULL} a test of every column. Each
 * column is addressed by the path {@code edition.<key field>}, which the renderer reads from the
 * reference's own columns, without a join.
 */
final class WideReferences {

    private WideReferences() {
    }

    /**
     * The condition over the columns of a wide reference, or null when the condition is about none.
     *
     * @param renderer the renderer that resolves paths
     * @param condition a comparison, IN list or NULL check
     * @return the rewritten condition, or null
     */
    static Condition expand(QueryRenderer renderer, Condition condition) {
        if (condition instanceof Comparison c) {
            PropertyModel left = wide(renderer, c.left());
            PropertyModel right = wide(renderer, c.right());
            if (left == null && right == null) {
                return null;
            }
            if (c.operator() != Comparison.Operator.EQ && c.operator() != Comparison.Operator.NE) {
                throw new IllegalArgumentException(c.left() + " refers to a composite-keyed entity: compare it with "
                        + "eq/ne/in/isNull, or compare its key fields one by one");
            }
            boolean equal = c.operator() == Comparison.Operator.EQ;
            PropertyModel reference = left != null ? left : right;
            List<Condition> parts = new ArrayList<>();
            if (left != null && right != null) {
                for (String part : reference.target().key().names()) {
                    parts.add(new Comparison(part((PropertyPath) c.left(), part), c.operator(),
                            part((PropertyPath) c.right(), part)));
                }
                return Junction.of(equal ? Junction.Kind.AND : Junction.Kind.OR, parts);
            }
            PropertyPath path = (PropertyPath) (left != null ? c.left() : c.right());
            Expression other = left != null ? c.right() : c.left();
            if (!(other instanceof Value value)) {
                throw new IllegalArgumentException(path + " refers to a composite-keyed entity: compare it with an "
                        + "object of it (or its key), not with " + other);
            }
            if (value.value() == null) {
                return expand(renderer, new NullCheck(path, !equal));
            }
            return keyCondition(path, reference, value.value(), c.operator());
        }
        PropertyModel reference = condition instanceof NullCheck n ? wide(renderer, n.expression())
                : condition instanceof InList in ? wide(renderer, in.expression()) : null;
        if (reference != null && condition instanceof NullCheck n) {
            List<Condition> parts = new ArrayList<>();
            for (String part : reference.target().key().names()) {
                parts.add(new NullCheck(part((PropertyPath) n.expression(), part), n.negated()));
            }
            // a key with any part NULL is no key
            return Junction.of(n.negated() ? Junction.Kind.AND : Junction.Kind.OR, parts);
        }
        if (reference != null && condition instanceof InList in) {
            if (in.values().isEmpty()) {
                return in.negated() ? Truth.TRUE : Truth.FALSE;
            }
            List<Condition> each = new ArrayList<>();
            for (Object value : in.values()) {
                each.add(keyCondition((PropertyPath) in.expression(), reference, value, Comparison.Operator.EQ));
            }
            Condition any = Junction.of(Junction.Kind.OR, each);
            return in.negated() ? new Negation(any) : any;
        }
        return null;
    }

    /** {@code c1 = v1 AND c2 = v2} (or {@code <>} joined by OR) for one key value. */
    private static Condition keyCondition(PropertyPath path, PropertyModel reference, Object given,
                                          Comparison.Operator operator) {
        EntityModel<?> target = reference.target();
        KeyModel key = target.key();
        Object keyValue;
        if (target.type().isInstance(given)) {
            if (target.hasNoId(given)) {
                throw new IllegalArgumentException(path + " is compared with an unsaved " + target.name()
                        + " (its key " + key.names() + " is not set): save it first");
            }
            keyValue = target.idOf(given);
        } else {
            keyValue = key.fromGiven(given);
        }
        List<Object> values = ((CompositeKey) keyValue).values();
        List<Condition> parts = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            parts.add(new Comparison(part(path, key.names().get(i)), operator, new Value(values.get(i))));
        }
        return Junction.of(operator == Comparison.Operator.EQ ? Junction.Kind.AND : Junction.Kind.OR, parts);
    }

    /** The reference that a path ends on when it is wide, else null. */
    private static PropertyModel wide(QueryRenderer renderer, Expression expression) {
        if (!(expression instanceof PropertyPath path) || !renderer.mapping().isEntity(path.root())) {
            return null;
        }
        QueryRenderer.ResolvedColumn resolved = renderer.resolve(path);
        return resolved.property().wide() && resolved.property().name().equals(path.leaf()) ? resolved.property() : null;
    }

    private static PropertyPath part(PropertyPath path, String keyField) {
        List<String> names = new ArrayList<>(path.names());
        names.add(keyField);
        return new PropertyPath(path.root(), path.alias(), names);
    }

    /**
     * The error of a wide reference used where one value is needed (ORDER BY, a projection, an aggregate).
     *
     * @param reference the reference
     * @return the exception to throw
     */
    static IllegalArgumentException notOneValue(PropertyModel reference) {
        return new IllegalArgumentException(reference + " refers to the composite-keyed " + reference.target().name()
                + " through the columns " + reference.columns() + ", which is no single value here: compare it with "
                + "eq/ne/in/isNull, or use its key fields, as in " + reference.owner().getSimpleName() + "_."
                + reference.name() + ".then(" + reference.target().name() + "_." + reference.target().key().names().get(0)
                + ")");
    }
}
