package io.nextorm.internal.sqlite;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Type;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement with its bindings. Parameters are bound by index from 0, whatever the marker:
 * {@code ?} (numbered in order), {@code ?NNN} and {@code $NNN} (number NNN, so {@code $1} is index 0),
 * or a named {@code :name}/{@code @name}/{@code $name}; {@code bind(String, ...)} takes the marker
 * itself ({@code "$1"}, {@code ":name"}). {@link #add()} starts the next set of bindings; each set
 * runs the statement once and gives one {@link Result}. A text of several statements separated by
 * semicolons takes no parameters and gives one result per statement.
 */
final class SqliteStatement implements Statement {

    private final SqliteConnection connection;
    private final String text;
    private final SqliteSql sql;
    private final List<Object[]> bindings = new ArrayList<>();
    private Object[] current;
    private boolean[] bound;
    private String[] generatedColumns;

    SqliteStatement(SqliteConnection connection, String text) {
        this.connection = connection;
        this.text = text;
        this.sql = SqliteSql.parse(text);
        newBinding();
    }

    private void newBinding() {
        current = new Object[sql.parameterCount()];
        bound = new boolean[sql.parameterCount()];
    }

    @Override
    public Statement add() {
        requireComplete("add()");
        bindings.add(current);
        newBinding();
        return this;
    }

    @Override
    public Statement bind(int index, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("Cannot bind null to parameter " + index + ": use bindNull(" + index
                    + ", type)");
        }
        if (value instanceof Parameter parameter) {
            if (parameter.getValue() == null) {
                return bindNull(index, javaType(parameter.getType()));
            }
            value = parameter.getValue();
        }
        if (!SqliteValues.bindable(value.getClass())) {
            throw new IllegalArgumentException("Cannot bind a " + value.getClass().getName() + " to SQLite: bind a "
                    + "String, number, Boolean, BigDecimal, byte[], ByteBuffer, Blob, Clob, UUID, enum or java.time value");
        }
        set(index, value);
        return this;
    }

    @Override
    public Statement bind(String name, Object value) {
        return bind(indexOf(name), value);
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        if (type == null) {
            throw new IllegalArgumentException("The type of a NULL parameter must not be null");
        }
        set(index, null);
        return this;
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
        return bindNull(indexOf(name), type);
    }

    private static Class<?> javaType(Type type) {
        return type == null ? Object.class : type.getJavaType();
    }

    private void set(int index, Object value) {
        if (index < 0 || index >= current.length) {
            throw new IndexOutOfBoundsException("Parameter index " + index + " is out of range: the statement has "
                    + current.length + " parameter(s), bound by index from 0 (" + text + ")");
        }
        current[index] = value;
        bound[index] = true;
    }

    private int indexOf(String name) {
        if (name == null) {
            throw new IllegalArgumentException("The parameter name must not be null");
        }
        Integer index = sql.names().get(name);
        if (index == null) {
            throw new java.util.NoSuchElementException("The statement has no parameter named \"" + name + "\"; its named"
                    + " parameters are " + sql.names().keySet() + " (bind ? markers by index from 0): " + text);
        }
        return index;
    }

    @Override
    public Statement returnGeneratedValues(String... columns) {
        if (columns == null) {
            throw new IllegalArgumentException("The column names must not be null: pass none for every column");
        }
        for (String column : columns) {
            if (column == null) {
                throw new IllegalArgumentException("A generated column name must not be null");
            }
        }
        generatedColumns = columns.clone();
        return this;
    }

    @Override
    public Statement fetchSize(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("The fetch size must not be negative, not " + rows);
        }
        // rows are fetched on demand already: each request(n) reads n rows
        return this;
    }

    @Override
    public Flux<Result> execute() {
        List<Object[]> sets = new ArrayList<>(bindings);
        if (sql.parameterCount() > 0 || sets.isEmpty()) {
            requireComplete("execute()");
            sets.add(current);
        }
        List<String> texts = sql.statements();
        if (generatedColumns != null) {
            if (!sql.dml()) {
                throw new IllegalStateException("returnGeneratedValues() needs an INSERT, UPDATE, DELETE or REPLACE"
                        + " statement, not: " + text);
            }
            if (!sql.returning()) {
                texts = List.of(sql.withReturning(generatedColumns));
            }
        }
        boolean lobs = sets.stream().flatMap(Arrays::stream).anyMatch(v -> v instanceof io.r2dbc.spi.Blob
                || v instanceof io.r2dbc.spi.Clob);
        List<String> statements = texts;
        if (!lobs) {
            return connection.run(units(statements, sets), sql.writes());
        }
        return Flux.fromIterable(sets)
                .concatMap(set -> Flux.fromArray(set)
                        .concatMap(value -> value == null ? reactor.core.publisher.Mono.just(NULL)
                                : SqliteValues.resolve(value))
                        .map(value -> value == NULL ? null : value)
                        .collectList()
                        .map(List::toArray))
                .collectList()
                .flatMapMany(resolved -> connection.run(units(statements, resolved), sql.writes()));
    }

    private static final Object NULL = new Object();

    private List<SqliteConnection.Unit> units(List<String> statements, List<Object[]> sets) {
        List<SqliteConnection.Unit> units = new ArrayList<>();
        for (Object[] set : sets) {
            for (int s = 0; s < statements.size(); s++) {
                Object[] stored = new Object[set.length];
                for (int i = 0; i < set.length; i++) {
                    stored[i] = set[i] == null ? null : SqliteValues.toStorage(set[i]);
                }
                units.add(new SqliteConnection.Unit(statements.get(s), stored, sql.dmlStatements().get(s)));
            }
        }
        return units;
    }

    private void requireComplete(String step) {
        for (int i = 0; i < bound.length; i++) {
            if (!bound[i]) {
                throw new IllegalStateException("Parameter " + i + " is not bound before " + step + ": bind every one of"
                        + " the statement's " + bound.length + " parameter(s) (by index from 0), or bindNull it: " + text);
            }
        }
    }
}
