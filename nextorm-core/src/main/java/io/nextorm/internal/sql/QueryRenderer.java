package io.nextorm.internal.sql;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.query.Condition;
import io.nextorm.query.Expression;
import io.nextorm.query.Join;
import io.nextorm.query.Junction;
import io.nextorm.query.NullCheck;
import io.nextorm.query.OrderItem;
import io.nextorm.query.PropertyPath;
import io.nextorm.internal.query.SelectSpec;
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

    private static final String OUTER_ROOT_ALIAS = "t0";
    private static final java.util.regex.Pattern IMPLICIT_ALIAS = java.util.regex.Pattern.compile("[tT][0-9]+");

    private final Mapping mapping;
    private final Dialect dialect;
    private final SelectSpec spec;
    private final EntityModel<?> root;
    private final Map<String, EntityModel<?>> joinedByAlias = new LinkedHashMap<>();
    private final Map<String, String> implicitJoins = new LinkedHashMap<>();
    private final List<String> rootJoinSql = new ArrayList<>();
    private final List<String> joinedJoinSql = new ArrayList<>();
    private final ConditionRendering conditions = new ConditionRendering(this);
    private final List<Object> parameters;
    private final boolean qualified;
    private final String rootAlias;
    private final int depth;
    private final QueryRenderer parent;
    private StringBuilder sql;

    QueryRenderer(Mapping mapping, Dialect dialect, SelectSpec spec) {
        this(mapping, dialect, spec, List.of());
    }

    /**
     * A renderer of a statement that also uses expressions outside the spec (an aggregated property).
     */
    QueryRenderer(Mapping mapping, Dialect dialect, SelectSpec spec, List<? extends Expression> alsoUsed) {
        this(mapping, dialect, spec, alsoUsed, null);
    }

    /**
     * A renderer of a nested SELECT ({@code depth} > 0): it shares the enclosing statement's parameters
     * and qualifies every column with aliases of its own ({@code sq1}, {@code sq1_1}, ...).
     */
    QueryRenderer(Mapping mapping, Dialect dialect, SelectSpec spec, List<? extends Expression> alsoUsed,
                  QueryRenderer parent) {
        this.mapping = mapping;
        this.dialect = dialect;
        this.spec = spec;
        this.root = mapping.entity(spec.entity());
        this.parent = parent;
        this.parameters = parent == null ? new ArrayList<>() : parent.parameters;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.rootAlias = depth == 0 ? OUTER_ROOT_ALIAS : "sq" + depth;
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
        this.qualified = depth > 0 || !spec.joins().isEmpty() || needsImplicitJoins(alsoUsed);
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
        return beginFromCorrelated(selectClause, "", null);
    }

    /**
     * Starts a nested statement: {@code extraJoin} follows the root table (a link table), and
     * {@code correlation} (SQL text without parameters) is the first condition of the WHERE clause.
     */
    StringBuilder beginFromCorrelated(String selectClause, String extraJoin, String correlation) {
        sql = new StringBuilder(128).append(selectClause).append(" FROM ").append(dialect.identifier(root.table()));
        if (qualified) {
            sql.append(' ').append(rootAlias);
        }
        sql.append(extraJoin);
        int rootJoinsAt = sql.length();
        // ORDER BY is written after the joins are in place: the joins it needs must be known now
        for (OrderItem item : spec.orderBy()) {
            List<Expression> paths = new ArrayList<>();
            PathCollector.collect(item.expression(), paths);
            paths.forEach(path -> resolve((PropertyPath) path));
            // (paths inside a subquery belong to it, and PathCollector.collect() does not enter one)
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
        appendWhere(correlation);
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
        appendWhere(null);
        return sql;
    }

    private void appendWhere(String correlation) {
        List<Condition> conditions = new ArrayList<>(spec.where());
        if (spec.joins().stream().anyMatch(join -> join.type() == io.nextorm.query.JoinType.RIGHT)) {
            // a RIGHT JOIN row without a row of the queried entity has no object to return
            conditions.add(new NullCheck(PropertyPath.of(root.type(), root.key().parts().get(0).name()), true));
        }
        if (correlation != null) {
            sql.append(" WHERE ").append(correlation);
            if (!conditions.isEmpty()) {
                sql.append(" AND (");
                condition(Junction.of(Junction.Kind.AND, conditions));
                sql.append(')');
            }
        } else if (!conditions.isEmpty()) {
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
        return column(rootAlias, property.column());
    }

    /**
     * The columns of a property of the root entity, qualified where needed: several for a reference to
     * a composite-keyed entity.
     */
    List<String> rootColumns(PropertyModel property) {
        return property.columns().stream().map(c -> column(rootAlias, c)).toList();
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
     */
    String assignments(List<io.nextorm.query.Assignment> assignments) {
        return AssignmentRendering.render(this, assignments);
    }

    /**
     * The select list of the root entity's eager columns.
     */
    String rootColumns() {
        StringBuilder columns = new StringBuilder();
        for (PropertyModel property : root.eagerColumns()) {
            for (String column : property.columns()) {
                if (columns.length() > 0) {
                    columns.append(", ");
                }
                columns.append(column(rootAlias, column));
            }
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
        conditions.condition(condition);
    }

    void expression(Expression expression) {
        conditions.expression(expression);
    }

    /**
     * Renders a nested SELECT with a renderer of its own that shares this statement's parameters.
     */
    QueryRenderer nested(SelectSpec nestedSpec) {
        return new QueryRenderer(mapping, dialect, nestedSpec, List.of(), this);
    }

    Mapping mapping() {
        return mapping;
    }

    Dialect dialect() {
        return dialect;
    }

    StringBuilder sql() {
        return sql;
    }

    String rootAlias() {
        return rootAlias;
    }

    String castMarker(String marker, String cast) {
        return cast == null ? marker : dialect.castMarker(marker, cast);
    }

    /**
     * Adds a parameter and returns its marker. An entity stands for its key, an enum for its name.
     */
    String marker(Object value, Class<?> type) {
        parameters.add(BoundValues.bindable(mapping, value, type));
        return dialect.parameterMarker(parameters.size());
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
            alias = rootAlias;
            model = root;
        } else {
            List<String> matches = joinedByAlias.entrySet().stream()
                    .filter(e -> e.getValue().type() == path.root()).map(Map.Entry::getKey).toList();
            if (matches.isEmpty() && parent != null) {
                // a path of an enclosing query's entity: the subquery is correlated with it
                return parent.resolve(path);
            }
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
            if (reference.kind() != PropertyKind.REFERENCE && reference.kind() != PropertyKind.REVERSE_REFERENCE) {
                throw new IllegalArgumentException(path + ": " + reference + " is not a reference to another entity,"
                        + " so the path cannot go through it");
            }
            EntityModel<?> target = reference.target();
            int keyPart = target.key().names().indexOf(names.get(i + 1));
            if (reference.kind() == PropertyKind.REFERENCE && i == names.size() - 2 && keyPart >= 0) {
                // the referenced key (or a part of it) is the reference's own column: no join
                return reference.wide()
                        ? new ResolvedColumn(alias, target.key().parts().get(keyPart), reference.columns().get(keyPart))
                        : new ResolvedColumn(alias, reference);
            }
            alias = join(path, alias, model, reference, String.join(".", names.subList(0, i + 1)));
            model = target;
        }
        PropertyModel property = model.property(path.leaf());
        if (property.kind() == PropertyKind.SET) {
            throw new IllegalArgumentException(path + " is a Set relation, which has no column to compare or order by");
        }
        if (property.kind() == PropertyKind.REVERSE_REFERENCE) {
            // no column here: the other side's key, through a LEFT JOIN on its unique reference back (NULL when none)
            return new ResolvedColumn(join(path, alias, model, property, String.join(".", names)), property.target().id());
        }
        return new ResolvedColumn(alias, property);
    }

    /**
     * The alias of the implicit LEFT JOIN that a path makes through a reference (on the target's key)
     * or the reverse side of a one-to-one (on the target's unique reference back), added once per path.
     */
    private String join(PropertyPath path, String alias, EntityModel<?> model, PropertyModel reference, String through) {
        EntityModel<?> target = reference.target();
        String key = alias + "." + through;
        String joinAlias = implicitJoins.get(key);
        if (joinAlias == null) {
            joinAlias = depth == 0 ? "t" + (implicitJoins.size() + 1) : rootAlias + "_" + (implicitJoins.size() + 1);
            implicitJoins.put(key, joinAlias);
            StringBuilder on = new StringBuilder();
            if (reference.kind() == PropertyKind.REVERSE_REFERENCE) {
                on.append(column(joinAlias, reference.relation().reverse().column())).append(" = ")
                        .append(column(alias, model.id().column()));
            } else {
                List<String> keyColumns = target.key().columns();
                for (int i = 0; i < keyColumns.size(); i++) {
                    on.append(i == 0 ? "" : " AND ").append(column(joinAlias, keyColumns.get(i))).append(" = ")
                            .append(column(alias, reference.columns().get(i)));
                }
            }
            (path.alias() == null && path.root() == root.type() ? rootJoinSql : joinedJoinSql).add(" LEFT JOIN "
                    + dialect.identifier(target.table()) + " " + joinAlias + " ON " + on);
        }
        return joinAlias;
    }

    private boolean needsImplicitJoins(List<? extends Expression> alsoUsed) {
        List<Expression> expressions = new ArrayList<>();
        alsoUsed.forEach(e -> PathCollector.collect(e, expressions));
        if (alsoUsed.stream().anyMatch(NestedRendering::hasSubquery)
                || spec.where().stream().anyMatch(NestedRendering::hasSubquery)
                || spec.orderBy().stream().anyMatch(o -> NestedRendering.hasSubquery(o.expression()))) {
            return true;
        }
        spec.where().forEach(c -> PathCollector.collect(c, expressions));
        spec.joins().forEach(j -> PathCollector.collect(j.on(), expressions));
        spec.orderBy().forEach(o -> PathCollector.collect(o.expression(), expressions));
        for (Expression expression : expressions) {
            if (expression instanceof PropertyPath path && (path.names().size() > 1 || isReverseSide(path))) {
                return true;
            }
        }
        return false;
    }

    private boolean isReverseSide(PropertyPath path) {
        EntityModel<?> model = path.alias() != null ? joinedByAlias.get(path.alias())
                : path.root() == root.type() ? root : null;
        return model != null && model.properties().stream()
                .anyMatch(p -> p.name().equals(path.leaf()) && p.kind() == PropertyKind.REVERSE_REFERENCE);
    }

    /**
     * A property path resolved to the alias of its table and the property that holds the column.
     */
    record ResolvedColumn(String alias, PropertyModel property, String column) {

        ResolvedColumn(String alias, PropertyModel property) {
            this(alias, property, property.wide() ? null : property.column());
        }

        /** The column: for a reference to a composite-keyed entity, which has several, a clear error. */
        @Override
        public String column() {
            if (column == null) {
                throw WideReferences.notOneValue(property);
            }
            return column;
        }
    }
}
