package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.Arithmetic;
import io.nextorm.query.Between;
import io.nextorm.query.Comparison;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.FunctionCall;
import io.nextorm.query.InList;
import io.nextorm.query.Join;
import io.nextorm.query.Junction;
import io.nextorm.query.Like;
import io.nextorm.query.Negation;
import io.nextorm.query.NullCheck;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.query.SelectSpec;
import io.nextorm.query.Truth;
import io.nextorm.query.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders one query tree into SQL text and parameters. One instance renders one statement: it
 * collects the joins the tree needs (references followed by property paths, explicit joins), then
 * writes the SQL in text order so that numbered parameter markers follow it.
 */
final class QueryRenderer {

    private static final String ROOT_ALIAS = "t0";
    private static final java.util.regex.Pattern IMPLICIT_ALIAS = java.util.regex.Pattern.compile("[tT][0-9]+");

    private final Mapping mapping;
    private final Dialect dialect;
    private final SelectSpec spec;
    private final EntityModel<?> root;
    private final Map<String, EntityModel<?>> joinedByAlias = new LinkedHashMap<>();
    private final Map<String, String> implicitJoins = new LinkedHashMap<>();
    private final List<String> rootJoinSql = new ArrayList<>();
    private final List<String> joinedJoinSql = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final boolean qualified;
    private StringBuilder sql;

    QueryRenderer(Mapping mapping, Dialect dialect, SelectSpec spec) {
        this(mapping, dialect, spec, List.of());
    }

    /**
     * A renderer of a statement that also uses expressions outside the spec (an aggregated property).
     */
    QueryRenderer(Mapping mapping, Dialect dialect, SelectSpec spec, List<? extends Expression> alsoUsed) {
        this.mapping = mapping;
        this.dialect = dialect;
        this.spec = spec;
        this.root = mapping.entity(spec.entity());
        int explicit = 0;
        for (Join join : spec.joins()) {
            String alias = join.alias() != null ? join.alias() : "j" + (++explicit);
            if (IMPLICIT_ALIAS.matcher(alias).matches()) {
                throw new IllegalArgumentException("The join alias '" + alias + "' is reserved for the joins nextorm "
                        + "makes itself (t0, t1, ...); choose another");
            }
            if (joinedByAlias.put(alias, mapping.entity(join.entity())) != null) {
                throw new IllegalArgumentException("The join alias '" + alias + "' is used twice; give each join its own");
            }
        }
        this.qualified = !spec.joins().isEmpty() || needsImplicitJoins(alsoUsed);
    }

    List<Object> parameters() {
        return parameters;
    }

    EntityModel<?> root() {
        return root;
    }

    /**
     * Starts a statement: {@code selectClause} is written as is, then FROM, joins and WHERE.
     */
    StringBuilder beginFrom(String selectClause) {
        sql = new StringBuilder(128).append(selectClause).append(" FROM ").append(dialect.identifier(root.table()));
        if (qualified) {
            sql.append(' ').append(ROOT_ALIAS);
        }
        int rootJoinsAt = sql.length();
        // ORDER BY is written after the joins are in place: the joins it needs must be known now
        for (OrderItem item : spec.orderBy()) {
            List<Expression> paths = new ArrayList<>();
            collect(item.expression(), paths);
            paths.forEach(path -> resolve((PropertyPath) path));
        }
        int explicit = 0;
        List<String> aliases = new ArrayList<>(joinedByAlias.keySet());
        for (Join join : spec.joins()) {
            String alias = aliases.get(explicit++);
            if (join.type() == io.nextorm.query.JoinType.RIGHT && !dialect.supportsRightJoin()) {
                throw new IllegalArgumentException("The " + dialect.name() + " dialect has no RIGHT JOIN");
            }
            sql.append(' ').append(join.type().sql()).append(' ')
                    .append(dialect.identifier(mapping.entity(join.entity()).table())).append(' ')
                    .append(dialect.identifier(alias)).append(" ON ");
            condition(join.on());
        }
        int joinsAt = sql.length();
        appendWhere();
        sql.insert(joinsAt, String.join("", joinedJoinSql));
        sql.insert(rootJoinsAt, String.join("", rootJoinSql));
        return sql;
    }

    /**
     * Continues a statement that has no FROM of its own (an UPDATE or DELETE of the root table,
     * unqualified): appends the WHERE clause.
     */
    StringBuilder continueWhere(StringBuilder statement) {
        if (qualified) {
            throw new IllegalStateException("A query with joins has no unqualified WHERE clause");
        }
        sql = statement;
        appendWhere();
        return sql;
    }

    private void appendWhere() {
        List<Condition> conditions = new ArrayList<>(spec.where());
        if (spec.joins().stream().anyMatch(join -> join.type() == io.nextorm.query.JoinType.RIGHT)) {
            // a RIGHT JOIN row without a row of the queried entity has no object to return
            conditions.add(new NullCheck(PropertyPath.of(root.type(), root.id().name()), true));
        }
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ");
            condition(Junction.of(Junction.Kind.AND, conditions));
        }
    }

    /**
     * Whether columns are qualified by table aliases (the query joins other tables).
     */
    boolean qualified() {
        return qualified;
    }

    /**
     * A column of the root entity, qualified where needed.
     */
    String rootColumn(PropertyModel property) {
        return column(ROOT_ALIAS, property.column());
    }

    /**
     * Renders an expression on its own, adding its parameters (call in text order).
     */
    String render(Expression expression) {
        StringBuilder outer = sql;
        sql = new StringBuilder();
        try {
            expression(expression);
            return sql.toString();
        } finally {
            sql = outer;
        }
    }

    /**
     * The ORDER BY expressions, rendered on their own (for a DISTINCT select list that must contain them).
     */
    List<String> orderExpressions() {
        List<String> rendered = new ArrayList<>();
        for (OrderItem item : spec.orderBy()) {
            rendered.add(render(item.expression()));
        }
        return rendered;
    }

    /**
     * The SET list of a bulk UPDATE of the root table, unqualified: {@code views = ?, title = ?}.
     * A bound value takes its NULL type from the property.
     */
    String assignments(List<io.nextorm.query.Assignment> assignments) {
        StringBuilder outer = sql;
        sql = new StringBuilder();
        try {
            for (io.nextorm.query.Assignment assignment : assignments) {
                if (sql.length() > 0) {
                    sql.append(", ");
                }
                PropertyModel property = root.property(assignment.target().leaf());
                sql.append(dialect.identifier(property.column())).append(" = ");
                if (assignment.value() instanceof Value value) {
                    Class<?> type = property.kind() == PropertyKind.REFERENCE
                            ? property.target().id().valueType() : property.valueType();
                    sql.append(marker(value.value(), type));
                } else {
                    expression(assignment.value());
                }
            }
            return sql.toString();
        } finally {
            sql = outer;
        }
    }

    /**
     * The select list of the root entity's eager columns.
     */
    String rootColumns() {
        StringBuilder columns = new StringBuilder();
        for (PropertyModel property : root.eagerColumns()) {
            if (columns.length() > 0) {
                columns.append(", ");
            }
            columns.append(column(ROOT_ALIAS, property.column()));
        }
        return columns.toString();
    }

    void orderBy() {
        if (spec.randomOrder()) {
            sql.append(" ORDER BY ").append(dialect.randomFunction());
            return;
        }
        if (spec.orderBy().isEmpty()) {
            return;
        }
        sql.append(" ORDER BY ");
        boolean first = true;
        for (OrderItem item : spec.orderBy()) {
            if (!first) {
                sql.append(", ");
            }
            first = false;
            expression(item.expression());
            if (item.descending()) {
                sql.append(" DESC");
            }
        }
    }

    void condition(Condition condition) {
        if (condition instanceof Comparison c) {
            expression(c.left());
            sql.append(' ').append(c.operator().symbol()).append(' ');
            expression(c.right());
        } else if (condition instanceof Between b) {
            expression(b.expression());
            sql.append(" BETWEEN ");
            expression(b.low());
            sql.append(" AND ");
            expression(b.high());
        } else if (condition instanceof InList in) {
            inList(in);
        } else if (condition instanceof NullCheck n) {
            expression(n.expression());
            sql.append(n.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (condition instanceof Like like) {
            expression(like.expression());
            sql.append(like.negated() ? " NOT LIKE " : " LIKE ").append(marker(like.pattern(), String.class))
                    .append(dialect.likeEscape());
        } else if (condition instanceof Junction j) {
            String separator = j.kind() == Junction.Kind.AND ? " AND " : " OR ";
            for (int i = 0; i < j.parts().size(); i++) {
                if (i > 0) {
                    sql.append(separator);
                }
                Condition part = j.parts().get(i);
                boolean parens = part instanceof Junction;
                if (parens) {
                    sql.append('(');
                }
                condition(part);
                if (parens) {
                    sql.append(')');
                }
            }
        } else if (condition instanceof Negation n) {
            sql.append("NOT (");
            condition(n.condition());
            sql.append(')');
        } else {
            sql.append(condition == Truth.TRUE ? "1 = 1" : "1 = 0");
        }
    }

    private void inList(InList in) {
        if (in.values().isEmpty()) {
            sql.append(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        expression(in.expression());
        sql.append(in.negated() ? " NOT IN (" : " IN (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(marker(in.values().get(i), Object.class));
        }
        sql.append(')');
    }

    void expression(Expression expression) {
        if (expression instanceof PropertyPath path) {
            ResolvedColumn resolved = resolve(path);
            sql.append(column(resolved.alias(), resolved.property().column()));
        } else if (expression instanceof Value value) {
            sql.append(marker(value.value(), Object.class));
        } else if (expression instanceof Arithmetic a) {
            sql.append('(');
            expression(a.left());
            sql.append(' ').append(a.operator().symbol()).append(' ');
            expression(a.right());
            sql.append(')');
        } else if (expression instanceof FunctionCall f) {
            sql.append(dialect.functionName(f.function())).append('(');
            expression(f.argument());
            sql.append(')');
        }
    }

    /**
     * Adds a parameter and returns its marker. An entity stands for its key, an enum for its name.
     */
    String marker(Object value, Class<?> type) {
        parameters.add(bindable(mapping, value, type));
        return dialect.parameterMarker(parameters.size());
    }

    /**
     * The parameter a value of the tree is bound as: an entity stands for its key, NULL is typed.
     */
    static Object bindable(Mapping mapping, Object value, Class<?> type) {
        if (value == null) {
            return new TypedNull(type);
        }
        if (mapping.isEntity(value.getClass())) {
            EntityModel<?> model = mapping.entity(value.getClass());
            if (model.hasNoId(value)) {
                throw new IllegalArgumentException("A condition compares with an unsaved " + model.name()
                        + " (its key is not set): save it first");
            }
            return model.idOf(value);
        }
        return value;
    }

    String column(String alias, String column) {
        return qualified ? dialect.identifier(alias) + "." + dialect.identifier(column) : dialect.identifier(column);
    }

    ResolvedColumn resolve(PropertyPath path) {
        String alias;
        EntityModel<?> model;
        if (path.alias() != null) {
            model = joinedByAlias.get(path.alias());
            if (model == null) {
                throw new IllegalArgumentException(path + " names the alias '" + path.alias()
                        + "', which no join of this query has");
            }
            alias = path.alias();
        } else if (path.root() == root.type()) {
            alias = ROOT_ALIAS;
            model = root;
        } else {
            List<String> matches = joinedByAlias.entrySet().stream()
                    .filter(e -> e.getValue().type() == path.root()).map(Map.Entry::getKey).toList();
            if (matches.size() != 1) {
                throw new IllegalArgumentException(path + " is about " + path.root().getSimpleName() + ", which "
                        + (matches.isEmpty() ? "this query neither selects nor joins: join it first"
                        : "is joined " + matches.size() + " times: address it by its alias"));
            }
            alias = matches.get(0);
            model = joinedByAlias.get(alias);
        }
        List<String> names = path.names();
        for (int i = 0; i < names.size() - 1; i++) {
            PropertyModel reference = model.property(names.get(i));
            if (reference.kind() != PropertyKind.REFERENCE) {
                throw new IllegalArgumentException(path + ": " + reference + " is not a reference to another entity,"
                        + " so the path cannot go through it");
            }
            EntityModel<?> target = reference.target();
            if (i == names.size() - 2 && names.get(i + 1).equals(target.id().name())) {
                return new ResolvedColumn(alias, reference);
            }
            String key = alias + "." + String.join(".", names.subList(0, i + 1));
            String joinAlias = implicitJoins.get(key);
            if (joinAlias == null) {
                joinAlias = "t" + (implicitJoins.size() + 1);
                implicitJoins.put(key, joinAlias);
                (path.alias() == null && path.root() == root.type() ? rootJoinSql : joinedJoinSql).add(" LEFT JOIN " + dialect.identifier(target.table()) + " " + joinAlias + " ON "
                        + column(joinAlias, target.id().column()) + " = " + column(alias, reference.column()));
            }
            alias = joinAlias;
            model = target;
        }
        PropertyModel property = model.property(path.leaf());
        if (property.kind() == PropertyKind.SET) {
            throw new IllegalArgumentException(path + " is a Set relation, which has no column to compare or order by");
        }
        return new ResolvedColumn(alias, property);
    }

    private boolean needsImplicitJoins(List<? extends Expression> alsoUsed) {
        List<Expression> expressions = new ArrayList<>(alsoUsed);
        spec.where().forEach(c -> collect(c, expressions));
        spec.joins().forEach(j -> collect(j.on(), expressions));
        spec.orderBy().forEach(o -> expressions.add(o.expression()));
        for (Expression expression : expressions) {
            if (expression instanceof PropertyPath path && path.names().size() > 1) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Condition condition, List<Expression> out) {
        if (condition instanceof Comparison c) {
            collect(c.left(), out);
            collect(c.right(), out);
        } else if (condition instanceof Between b) {
            collect(b.expression(), out);
            collect(b.low(), out);
            collect(b.high(), out);
        } else if (condition instanceof InList in) {
            collect(in.expression(), out);
        } else if (condition instanceof NullCheck n) {
            collect(n.expression(), out);
        } else if (condition instanceof Like like) {
            collect(like.expression(), out);
        } else if (condition instanceof Junction j) {
            j.parts().forEach(p -> collect(p, out));
        } else if (condition instanceof Negation n) {
            collect(n.condition(), out);
        }
    }

    private static void collect(Expression expression, List<Expression> out) {
        if (expression instanceof PropertyPath p) {
            out.add(p);
        } else if (expression instanceof Arithmetic a) {
            collect(a.left(), out);
            collect(a.right(), out);
        } else if (expression instanceof FunctionCall f) {
            collect(f.argument(), out);
        }
    }

    /**
     * A property path resolved to the alias of its table and the property that holds the column.
     */
    record ResolvedColumn(String alias, PropertyModel property) {
    }
}
