package io.nextorm.internal.session;

import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.Junction;
import io.nextorm.query.PropertyPath;
import io.nextorm.query.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What a query's conditions say about the values of its results, PonyORM's way: a query that is
 * only {@code key == value} names one object, which a session may hold already; a condition
 * {@code lazyField == value} that every result meets gives that lazy field's value, which need not
 * be loaded again.
 */
final class KnownValues {

    private KnownValues() {
    }

    /**
     * The key a query selects, when it selects by key only: one condition {@code key == value} on
     * the entity's own key (for a composite key, one such equality per part, ANDed, and nothing
     * else ANDed with them), no join, offset, lock, distinct, random order or prefetch.
     *
     * @param model the entity
     * @param spec the query
     * @return the key, or null
     */
    static Object key(EntityModel<?> model, SelectSpec spec) {
        if (spec.where().size() != 1 || !spec.joins().isEmpty() || spec.lock() != SelectSpec.Lock.NONE
                || (spec.offset() != null && spec.offset() != 0) || spec.distinct() || spec.randomOrder()
                || !spec.prefetch().isEmpty() || (spec.limit() != null && spec.limit() < 1)) {
            return null;
        }
        Condition condition = spec.where().get(0);
        if (model.key().composite()) {
            Map<PropertyModel, Object> values = new LinkedHashMap<>();
            if (!onlyKeyParts(model, condition, values) || values.size() != model.key().parts().size()) {
                return null;
            }
            try {
                return model.key().fromGiven(model.key().parts().stream().map(values::get).toList());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        // every get by key asks this: a walk of the condition, no map
        Object key = keyValue(model, condition, null);
        return key == null || key == NOT_ONLY_KEY ? null : normalized(model, key);
    }

    /** What {@link #keyValue} gives for a condition that is more than {@code key == value}. */
    private static final Object NOT_ONLY_KEY = new Object();

    /**
     * The value of a single-column key that a condition gives when it is only {@code key == value},
     * or several of them ANDed that agree; {@link #NOT_ONLY_KEY} when any part of it is anything else
     * (another column, an OR, a NULL, two different values), since such a query may select no row
     * where the key's object exists.
     */
    private static Object keyValue(EntityModel<?> model, Condition condition, Object found) {
        if (condition instanceof Junction junction && junction.kind() == Junction.Kind.AND) {
            Object value = found;
            for (Condition part : junction.parts()) {
                value = keyValue(model, part, value);
                if (value == NOT_ONLY_KEY) {
                    return NOT_ONLY_KEY;
                }
            }
            return value;
        }
        // a single-column key is the entity's one key part
        Map.Entry<PropertyModel, Object> equality = equality(model, condition, PropertyModel::keyPart);
        return equality == null || (found != null && !found.equals(equality.getValue())) ? NOT_ONLY_KEY
                : equality.getValue();
    }

    /**
     * Collects the values of key parts that a condition gives when it is only equalities of key parts
     * with values, ANDed, each part once; false when it is anything more (one more condition on another
     * column would make the key's object a wrong answer when it does not meet it) or compares a part
     * twice (two values of one part select nothing).
     */
    private static boolean onlyKeyParts(EntityModel<?> model, Condition condition, Map<PropertyModel, Object> values) {
        if (condition instanceof Junction junction && junction.kind() == Junction.Kind.AND) {
            for (Condition part : junction.parts()) {
                if (!onlyKeyParts(model, part, values)) {
                    return false;
                }
            }
            return true;
        }
        Map.Entry<PropertyModel, Object> equality = equality(model, condition, PropertyModel::keyPart);
        return equality != null && values.putIfAbsent(equality.getKey(), equality.getValue()) == null;
    }

    /**
     * A condition {@code property == value} (either way round, the value not NULL) on a property of the
     * kind, as that property and value; null for any other condition.
     */
    private static Map.Entry<PropertyModel, Object> equality(EntityModel<?> model, Condition condition,
                                                             Predicate<PropertyModel> kind) {
        if (condition instanceof Comparison comparison && comparison.operator() == Comparison.Operator.EQ) {
            PropertyModel property = property(model, comparison.left(), kind);
            Expression other = comparison.right();
            if (property == null) {
                property = property(model, comparison.right(), kind);
                other = comparison.left();
            }
            if (property != null && other instanceof Value value && value.value() != null) {
                return Map.entry(property, value.value());
            }
        }
        return null;
    }

    /**
     * The lazy fields whose value every result of a query has: the conditions {@code lazy == value}
     * ANDed at the top of its WHERE clause.
     *
     * @param model the entity
     * @param spec the query
     * @return the lazy properties and their values; empty when none
     */
    static Map<PropertyModel, Object> lazyValues(EntityModel<?> model, SelectSpec spec) {
        if (model.lazies().isEmpty() || spec.where().isEmpty()) {
            return Map.of();
        }
        Map<PropertyModel, Object> values = new LinkedHashMap<>();
        for (Condition condition : spec.where()) {
            collect(model, condition, values, p -> p.kind() == PropertyKind.LAZY);
        }
        return values;
    }

    private static void collect(EntityModel<?> model, Condition condition, Map<PropertyModel, Object> values,
                                Predicate<PropertyModel> kind) {
        if (condition instanceof Junction junction && junction.kind() == Junction.Kind.AND) {
            for (Condition part : junction.parts()) {
                collect(model, part, values, kind);
            }
            return;
        }
        Map.Entry<PropertyModel, Object> equality = equality(model, condition, kind);
        if (equality != null) {
            values.put(equality.getKey(), equality.getValue());
        }
    }

    private static PropertyModel property(EntityModel<?> model, Expression expression, Predicate<PropertyModel> kind) {
        if (expression instanceof PropertyPath path && path.root() == model.type() && path.alias() == null
                && path.names().size() == 1) {
            List<PropertyModel> properties = model.properties();
            for (PropertyModel property : properties) {
                if (property.name().equals(path.leaf()) && kind.test(property)) {
                    return property;
                }
            }
        }
        return null;
    }

    /**
     * A key in the Java type of the entity's key, so that {@code 1} finds the object of key {@code 1L}.
     *
     * @param model the entity
     * @param key the key given
     * @return the key to look up
     */
    static Object normalized(EntityModel<?> model, Object key) {
        Class<?> type = model.id().valueType();
        if (key instanceof Number number && !type.isInstance(key)) {
            if (type == Long.class && (key instanceof Integer || key instanceof Short || key instanceof Byte)) {
                return number.longValue();
            }
            if (type == Integer.class && (key instanceof Short || key instanceof Byte)) {
                return number.intValue();
            }
        }
        return key;
    }
}
