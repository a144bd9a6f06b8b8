package io.nextorm.dialect;

import io.nextorm.mapping.Column;
import io.nextorm.mapping.ForeignKey;
import io.nextorm.mapping.Table;

import java.util.List;
import java.util.Set;

/**
 * Everything that differs between databases: identifier quoting, parameter markers, column types,
 * DDL, paging, locking, functions and value conversions. Nothing outside this package branches on
 * the database; it asks its dialect.
 */
public interface Dialect {

    /**
     * The dialect's name: {@code "h2"}, {@code "postgres"} or {@code "mariadb"}.
     *
     * @return the name
     */
    String name();

    /**
     * An identifier as SQL needs it: plain where it can be, quoted where the database requires it
     * (reserved words such as {@code order}, names that are not lower-case snake_case).
     *
     * @param identifier a table, column or alias name
     * @return the identifier, quoted only if needed
     */
    String identifier(String identifier);

    /**
     * The parameter marker of the n-th parameter.
     *
     * @param index the parameter's position, from 1
     * @return {@code ?} or {@code $n}
     */
    String parameterMarker(int index);

    /**
     * Whether the driver takes {@code ?} markers as they are; otherwise hand-written SQL is rewritten
     * with {@link #parameterMarker(int)}.
     *
     * @return true when {@code ?} needs no rewriting
     */
    boolean acceptsQuestionMarks();

    /**
     * Whether a backslash escapes a quote inside a string literal.
     *
     * @return true for MariaDB
     */
    boolean backslashEscapesInLiterals();

    /**
     * The column type of a column: {@code VARCHAR(80)}, {@code BIGINT}, {@code TIMESTAMP(6)}.
     *
     * @param column the column
     * @return the SQL type
     */
    String columnType(Column column);

    /**
     * The statements that create a table (if it does not exist) with its keys, constraints and
     * indexes.
     *
     * @param table the table
     * @param deferred foreign keys to leave out (they close a cycle and are added later)
     * @return the DDL statements, in order
     */
    List<String> createTable(Table table, Set<ForeignKey> deferred);

    /**
     * The statement that adds a foreign key to an existing table.
     *
     * @param table the referencing table
     * @param foreignKey the foreign key
     * @return the ALTER TABLE statement
     */
    String addForeignKey(Table table, ForeignKey foreignKey);

    /**
     * The SQL that lists the tables of the current schema, one row per table with its name in the
     * first column.
     *
     * @return the catalog query
     */
    String listTablesSql();

    /**
     * Appends the paging clause.
     *
     * @param sql the statement so far
     * @param limit the maximum number of rows, or null
     * @param offset rows to skip, or null
     */
    void appendLimitOffset(StringBuilder sql, Long limit, Long offset);

    /**
     * The row-lock clause.
     *
     * @param skipLocked whether locked rows are skipped instead of waited for
     * @return for example {@code " FOR UPDATE SKIP LOCKED"}
     */
    String forUpdate(boolean skipLocked);

    /**
     * Whether {@code FOR UPDATE SKIP LOCKED} is supported.
     *
     * @return true when it is
     */
    boolean supportsSkipLocked();

    /**
     * The function that orders rows randomly.
     *
     * @return for example {@code "RANDOM()"}
     */
    String randomFunction();

    /**
     * The string aggregation of an expression's non-NULL values, in ascending order of the values,
     * with a separator bound as a parameter: it is never written into the SQL text.
     *
     * @param expression the rendered expression
     * @param separator binds the separator as one more parameter and returns that parameter's
     *                  marker; call it once per use of the separator, in the order the markers
     *                  appear in the returned text
     * @return for example {@code STRING_AGG(CAST(x AS TEXT), CAST($1 AS TEXT) ORDER BY x)}; NULL
     *         when there is no value
     */
    String stringAggregate(String expression, java.util.function.Supplier<String> separator);

    /**
     * The SQL name of a query function.
     *
     * @param function the function
     * @return for example {@code "CHAR_LENGTH"}
     */
    default String functionName(io.nextorm.query.FunctionCall.Function function) {
        return switch (function) {
            case LOWER -> "LOWER";
            case UPPER -> "UPPER";
            case LENGTH -> "CHAR_LENGTH";
        };
    }

    /**
     * What follows {@code LIKE ?} so that the backslash escapes {@code %}, {@code _} and itself in
     * the bound pattern: nothing where the backslash is the default escape character.
     *
     * @return the clause, with a leading space, or an empty string
     */
    default String likeEscape() {
        return "";
    }

    /**
     * Whether {@code RIGHT JOIN} is supported.
     *
     * @return true when it is
     */
    default boolean supportsRightJoin() {
        return true;
    }

    /**
     * The value to bind for a Java value (enum names, UUID text where a database has no UUID type, ...).
     *
     * @param value a Java value, not null
     * @return the value the driver accepts
     */
    Object toDatabase(Object value);

    /**
     * The class to give {@code bindNull} for a column of a Java type.
     *
     * @param javaType the Java type
     * @return the class the driver knows
     */
    Class<?> databaseType(Class<?> javaType);

    /**
     * Converts what the driver returned into the Java type of a property.
     *
     * @param value the driver's value, not null
     * @param javaType the wanted (boxed) type
     * @return the converted value
     */
    Object fromDatabase(Object value, Class<?> javaType);
}
