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
     * A driver's error message with the values it quotes removed, keeping the names of constraints,
     * keys, columns and tables: {@code Duplicate entry 'ann' for key 'name'} becomes
     * {@code Duplicate entry ? for key 'name'}. {@link io.nextorm.SqlExecutionException}'s message
     * is built from it, so no bound value reaches a log through it.
     *
     * @param driverMessage the driver's message
     * @return the message without values
     */
    default String redactValues(String driverMessage) {
        return DriverMessages.redact(driverMessage, backslashEscapesInLiterals());
    }

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
     * A SELECT of the columns of the current schema, for schema validation: five columns (table name,
     * column name, {@code is_nullable} as YES/NO, data type, the database's own type name).
     *
     * @return the SQL
     */
    default String listColumnsSql() {
        return "SELECT table_name, column_name, is_nullable, data_type, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema";
    }

    /**
     * Appends the paging clause.
     *
     * @param sql the statement so far
     * @param limit the maximum number of rows, or null
     * @param offset rows to skip, or null
     */
    void appendLimitOffset(StringBuilder sql, Long limit, Long offset);

    /**
     * Appends the paging clause with its numbers as bound parameters ({@code LIMIT ? OFFSET ?}), so
     * that every page of a query is one statement: one cached SQL text, one statistics entry, one
     * meter series. An offset that is given is always written, also 0 (the first page). The default
     * writes the numbers as literals, as {@link #appendLimitOffset} does, for dialects that cannot
     * bind them.
     *
     * @param sql the statement so far
     * @param limit the maximum number of rows, or null
     * @param offset rows to skip, or null
     * @param marker binds a number as the statement's next parameter and returns its marker
     */
    default void appendBoundLimitOffset(StringBuilder sql, Long limit, Long offset,
                                        java.util.function.Function<Long, String> marker) {
        appendLimitOffset(sql, limit, offset);
    }

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
     * Whether the database has array columns. Where it has none, a {@code String[]} or {@code List<String>}
     * field keeps its elements in a text (or MariaDB {@code SET}) column, separated by commas.
     *
     * @return true for PostgreSQL and H2
     */
    default boolean hasArrays() {
        return true;
    }

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
     * The SQL of a function of {@link io.nextorm.query.ScalarFunction}, given its rendered arguments.
     * The defaults are standard SQL that H2, PostgreSQL and MariaDB all accept; a dialect overrides
     * what its database writes differently.
     *
     * @param kind the function
     * @param arguments the arguments, already rendered
     * @return for example {@code EXTRACT(YEAR FROM t0.born)}
     */
    default String function(io.nextorm.query.ScalarFunction.Kind kind, java.util.List<String> arguments) {
        String first = arguments.get(0);
        return switch (kind) {
            case ABS -> "ABS(" + first + ")";
            case TRIM -> "TRIM(" + first + ")";
            case YEAR -> "EXTRACT(YEAR FROM " + first + ")";
            case MONTH -> "EXTRACT(MONTH FROM " + first + ")";
            case DAY -> "EXTRACT(DAY FROM " + first + ")";
            case TO_STRING -> "CAST(" + first + " AS VARCHAR)";
            case GREATEST -> "GREATEST(" + first + ", " + arguments.get(1) + ")";
            case LEAST -> "LEAST(" + first + ", " + arguments.get(1) + ")";
            case SUBSTRING -> "SUBSTRING(" + first + ", " + arguments.get(1) + ", " + arguments.get(2) + ")";
            case CONCAT -> "CONCAT(" + String.join(", ", arguments) + ")";
            case INDEX_OF -> "(POSITION(" + arguments.get(1) + " IN " + first + ") - 1)";
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
     * The class to ask the driver for when reading a column of a Java type. Where a driver refuses a
     * conversion that existing schemas need (an integer or char column into {@code Boolean}, an integer
     * into {@code Short}, a DATE into {@code LocalDateTime}), it is {@code Object.class}: the driver's
     * native value, which {@link #fromDatabase} converts.
     *
     * @param javaType the Java type
     * @return the class to pass to {@code Readable.get}
     */
    default Class<?> readType(Class<?> javaType) {
        return databaseType(javaType);
    }

    /**
     * Whether a column is read faster as its own Java type than as {@link #readType}'s class: true
     * where the driver finds the codec of a read by trying each in turn (H2), so that asking for
     * {@code Object} runs every codec's check. Entity rows are then read, for each result whose
     * metadata gives every column exactly its property's {@link #databaseType}, with those types;
     * a result with another column type (a SMALLINT column of an {@code Integer} field) keeps
     * {@link #readType}'s reads and their conversions.
     *
     * @return true to read columns of matching types as their own types; false by default
     */
    default boolean readsColumnTypes() {
        return false;
    }

    /**
     * Whether values bound to columns of user-defined types (enums, domains) need a cast, which the
     * mapping then reads from the catalog at {@code generateMapping}.
     *
     * @return true for PostgreSQL
     */
    default boolean castsUserDefinedTypes() {
        return false;
    }

    /**
     * A parameter marker cast to a database type.
     *
     * @param marker the marker
     * @param typeName the type
     * @return the marker with its cast
     */
    default String castMarker(String marker, String typeName) {
        return marker;
    }

    /**
     * One UPDATE of many rows of a table, each with values of its own, that returns which rows it
     * updated: what a session's flush sends for a run of changes alike (the same columns changed and
     * checked), one round trip for the run instead of one per row. The statement calls the table
     * {@code t} and the list of rows {@code v}; the list's first column {@code n} holds each row's
     * ordinal (0, 1, ...), its other columns are {@code columns}, and the statement returns
     * {@code v.n} of every row it updated, so that a row whose check failed is known.
     *
     * @param table the table, quoted
     * @param columns the names of the list's columns after {@code n}, as they are (no quoting needed)
     * @param rows per row, its values in the order of {@code columns} (parameter markers)
     * @param targets the columns to set, quoted
     * @param sources per target, the list's column it takes ({@code v.c0})
     * @param condition the rows of {@code t} a row of the list updates, written over {@code t} and {@code v}
     * @return the statement; null where the database has none that returns the rows it updated (the
     *         default): each change is then an UPDATE of its own, the run sent as one batch
     */
    default String updateFromRows(String table, List<String> columns, List<List<String>> rows, List<String> targets,
                                  List<String> sources, String condition) {
        return null;
    }

    /**
     * Whether a run of UPDATEs alike goes as one statement that picks each row's values by its key,
     * where {@link #updateFromRows} has none: {@code UPDATE t SET a = CASE WHEN id = ? THEN ? ... END
     * WHERE (id = ? AND a = ?) OR ...}. It reports only how many rows it updated, so a flush sends it
     * after a savepoint and, when the count falls short, rolls back to the savepoint and sends the
     * UPDATEs one by one to name the object whose check failed.
     *
     * @return whether to; false (the default) sends each change as an UPDATE of its own, the run as one
     *         batch ({@code Statement.add()})
     */
    default boolean updatesRowsByKey() {
        return false;
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
     * Converts what the driver returned into the Java type of a property. A value already of the
     * type is returned as it is: generated row mappers make that test themselves and call this
     * method only for values of another type.
     *
     * @param value the driver's value, not null
     * @param javaType the wanted (boxed) type
     * @return the converted value
     */
    Object fromDatabase(Object value, Class<?> javaType);
}
