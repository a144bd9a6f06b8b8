package io.nextorm.internal.session;

import io.nextorm.ObjectNotFoundException;
import io.nextorm.OptimisticCheckException;
import io.nextorm.internal.execution.RowMappers;
import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyKind;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.sql.EntityStatements;
import io.nextorm.internal.sql.RowListUpdate;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.StatementKind;
import io.nextorm.internal.sql.TypedNull;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one way rows of an entity are written, by {@code asave}/{@code ainsert}/{@code adeleteInstance}
 * and by the session flush alike: multi-row INSERTs that read generated keys back one per row, in
 * order; UPDATEs of given columns with PonyORM's optimistic check (the version, or else the values
 * read of the changed columns, NULL checked with IS NULL); DELETE by key, checking the version.
 * A write that changes no row raises one error, worded once here. Hooks are the caller's.
 */
final class EntityPersister {

    /** Rows per multi-row INSERT. */
    static final int MAX_ROWS = 500;
    /** Bind parameters per statement: PostgreSQL's and MariaDB's limit is 65,535. */
    static final int MAX_PARAMETERS = 65_535;

    private final EntityModel<?> model;
    private final EntityStatements statements;
    private final StatementExecutor executor;
    private final RowMappers values;
    private final BiFunction<PropertyModel, Object, Object> referenceKey;
    private final SessionEvents events;

    EntityPersister(EntityModel<?> model, EntityStatements statements, StatementExecutor executor, RowMappers values,
                    BiFunction<PropertyModel, Object, Object> referenceKey, SessionEvents events) {
        this.model = model;
        this.statements = statements;
        this.executor = executor;
        this.values = values;
        this.referenceKey = referenceKey;
        this.events = events;
    }

    /**
     * What an UPDATE writes and checks.
     *
     * @param entity the object
     * @param columns the columns to set (the version column is set by the persister)
     * @param checked the columns whose values read are checked (ignored with a version)
     * @param read the values read of {@code checked}, in order (null: the column was NULL)
     * @param readVersion the version read, with a {@code @Version} column
     * @param wasRead whether the object was read in this transaction (a missing row is then a
     *                failed check, else an object that does not exist)
     */
    record Change(Object entity, List<PropertyModel> columns, List<PropertyModel> checked, List<Object> read,
                  Object readVersion, boolean wasRead) {
    }

    // ---- INSERT ----

    /**
     * One multi-row INSERT and the objects whose rows it writes.
     *
     * @param statement the statement
     * @param entities the objects, in row order
     */
    record Insert(SqlStatement statement, List<?> entities) {
    }

    /**
     * The INSERTs of new objects, {@value #MAX_ROWS} rows a statement (fewer when the parameters
     * would pass {@value #MAX_PARAMETERS}).
     *
     * @param entities the objects, in order
     * @param withKey whether their keys are written (false: generated)
     * @return the statements, in order
     */
    List<SqlStatement> insertStatements(List<?> entities, boolean withKey) {
        return inserts(entities, withKey).stream().map(Insert::statement).toList();
    }

    /**
     * The INSERTs of new objects: consecutive objects that write the same columns share a statement.
     * A column left to the database (see {@link #leftToDatabase}) is not written, so its DEFAULT
     * applies, as it would to a row inserted by hand.
     */
    private List<Insert> inserts(List<?> entities, boolean withKey) {
        List<PropertyModel> all = statements.insertColumns(withKey);
        List<Insert> inserts = new ArrayList<>();
        int from = 0;
        List<PropertyModel> columns = entities.isEmpty() ? all : written(all, entities.get(0));
        while (from < entities.size()) {
            int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / Math.max(1, columns.stream().mapToInt(c -> c.columns().size()).sum())));
            int to = from + 1;
            // the columns of the object at index `to`, once read: each object's are read once
            List<PropertyModel> next = null;
            while (to < entities.size() && to - from < perStatement) {
                next = written(all, entities.get(to));
                if (next != columns && !next.equals(columns)) {
                    break;
                }
                next = null;
                to++;
            }
            List<?> chunk = entities.subList(from, to);
            List<Object> parameters = new ArrayList<>(chunk.size() * columns.size());
            for (Object entity : chunk) {
                parameters.addAll(EntityStatements.values(entity, columns, referenceKey));
            }
            String sql = columns == all ? statements.insertSql(withKey, chunk.size())
                    : statements.insertSql(columns, chunk.size());
            inserts.add(new Insert(new SqlStatement(sql, parameters, StatementKind.INSERT, model.name()), chunk));
            from = to;
            columns = next != null ? next : from < entities.size() ? written(all, entities.get(from)) : all;
        }
        return inserts;
    }

    /** The columns an INSERT of one object writes: all of them, less those left to the database. */
    private static List<PropertyModel> written(List<PropertyModel> all, Object entity) {
        List<PropertyModel> written = null;
        for (int i = 0; i < all.size(); i++) {
            PropertyModel column = all.get(i);
            if (leftToDatabase(column, column.get(entity))) {
                if (written == null) {
                    written = new ArrayList<>(all.subList(0, i));
                }
            } else if (written != null) {
                written.add(column);
            }
        }
        // an INSERT names at least one column: with none left, NULLs go and the database says what is missing
        return written == null || written.isEmpty() ? all : written;
    }

    /**
     * Whether a write leaves a column as the database has it: a field that is not {@code @Nullable}
     * (nor key nor version) holding null. An INSERT then omits the column, so the table's DEFAULT
     * applies (a column without one is refused by the database, naming it); an UPDATE of every
     * column ({@code asave} outside a session) does not set it.
     *
     * @param column the property
     * @param value its value in the object
     * @return true when the column is not written
     */
    static boolean leftToDatabase(PropertyModel column, Object value) {
        return value == null && !column.nullable() && !column.keyPart() && column.kind() != PropertyKind.VERSION;
    }

    /**
     * INSERTs new objects, first giving a {@code @Version} column its first value; generated keys
     * are set on the objects.
     *
     * @param connection the connection
     * @param entities the objects, all of this entity
     * @param withKey whether their keys are written (false: generated)
     * @return completion
     */
    Mono<Void> insert(Connection connection, List<?> entities, boolean withKey) {
        return Mono.defer(() -> {
            for (Object entity : entities) {
                initVersion(entity);
            }
            PropertyModel id = withKey ? null : model.id();
            return Flux.fromIterable(inserts(entities, withKey)).concatMap(insert -> {
                List<?> chunk = insert.entities();
                if (withKey) {
                    return executor.update(connection, insert.statement()).then();
                }
                return executor.insertReturningKeys(connection, insert.statement(), id.column(),
                                row -> values.read(row, 0, id.valueType()))
                        .collectList()
                        .doOnNext(keys -> {
                            if (keys.size() != chunk.size()) {
                                throw new IllegalStateException("The INSERT of " + chunk.size() + " " + model.name()
                                        + " rows returned " + keys.size() + " generated keys");
                            }
                            for (int i = 0; i < keys.size(); i++) {
                                id.set(chunk.get(i), keys.get(i));
                            }
                        })
                        .then();
            }).then();
        });
    }

    // ---- UPDATE ----

    /**
     * The UPDATE of a change: the columns, then the next version; the key; then the checks.
     *
     * @param change the change
     * @return the statement
     */
    SqlStatement updateStatement(Change change) {
        return update(change).statement();
    }

    /**
     * The UPDATE of one change and what its text is made of.
     *
     * @param change the change
     * @param columns the columns set, the version last
     * @param checked the columns checked against a value read (the version, with one)
     * @param nullChecked the checked columns that were NULL
     * @param statement the statement: the values set, then the key, then the values checked
     */
    private record Update(Change change, List<PropertyModel> columns, List<PropertyModel> checked,
                          List<PropertyModel> nullChecked, SqlStatement statement) {
    }

    private Update update(Change change) {
        PropertyModel version = model.version();
        List<PropertyModel> columns = new ArrayList<>(change.columns().size() + 1);
        List<Object> parameters = new ArrayList<>(change.columns().size() * 2 + 2);
        for (PropertyModel column : change.columns()) {
            if (column != version) {
                columns.add(column);
                EntityStatements.addValues(parameters, change.entity(), column, referenceKey);
            }
        }
        List<PropertyModel> checked = new ArrayList<>();
        List<PropertyModel> nullChecked = new ArrayList<>();
        List<Object> checkValues = new ArrayList<>();
        if (version != null) {
            columns.add(version);
            parameters.add(increment(change.readVersion()));
            checked.add(version);
            checkValues.add(TypedNull.orNull(version, change.readVersion()));
        } else {
            for (int i = 0; i < change.checked().size(); i++) {
                Object read = change.read().get(i);
                if (read == null) {
                    nullChecked.add(change.checked().get(i));
                } else {
                    checked.add(change.checked().get(i));
                    EntityStatements.addBound(checkValues, change.checked().get(i), read);
                }
            }
        }
        parameters.addAll(model.key().columnValues(model.idOf(change.entity())));
        parameters.addAll(checkValues);
        SqlStatement statement = new SqlStatement(statements.updateSql(columns, checked, nullChecked), parameters,
                StatementKind.UPDATE, model.name());
        return new Update(change, columns, checked, nullChecked, statement);
    }

    /**
     * UPDATEs a change; with a {@code @Version} column the object takes the next version.
     *
     * @param connection the connection
     * @param change the change
     * @return completion
     * @throws OptimisticCheckException (in the Mono) when no row matched the key and the checks
     * @throws ObjectNotFoundException (in the Mono) when no row has the key of an object not read
     */
    Mono<Void> update(Connection connection, Change change) {
        return Mono.defer(() -> executor.update(connection, updateStatement(change))
                .flatMap(rows -> updated(change, rows)));
    }

    /**
     * UPDATEs changes: those with the same SQL text (the same columns changed and checked) go together,
     * in the order the first of each was given, one round trip for up to {@value #MAX_ROWS} of them: as
     * one UPDATE over a list of rows where the dialect has one
     * ({@link io.nextorm.dialect.Dialect#updateFromRows}), which returns the rows it updated, else as one
     * statement with a set of bindings each. Either way each change's row is checked as a single
     * UPDATE's is, and the first that did not match is the error.
     *
     * @param connection the connection
     * @param changes the changes
     * @return completion, or the error of the first change whose row did not match
     */
    Mono<Void> updateAll(Connection connection, List<Change> changes) {
        return Mono.defer(() -> {
            Map<String, List<Update>> alike = new LinkedHashMap<>();
            for (Change change : changes) {
                Update update = update(change);
                alike.computeIfAbsent(update.statement().sql(), sql -> new ArrayList<>()).add(update);
            }
            List<List<Update>> runs = new ArrayList<>();
            for (List<Update> same : alike.values()) {
                Update first = same.get(0);
                int perRow = statements.parametersPerRow(first.columns(), first.statement().parameters().size());
                int perStatement = Math.max(1, Math.min(MAX_ROWS, MAX_PARAMETERS / Math.max(1, perRow)));
                for (int from = 0; from < same.size(); from += perStatement) {
                    runs.add(same.subList(from, Math.min(same.size(), from + perStatement)));
                }
            }
            return Flux.fromIterable(runs).concatMap(run -> run.size() == 1
                    ? executor.update(connection, run.get(0).statement()).flatMap(rows -> updated(run.get(0).change(), rows))
                    : updateRun(connection, run)).then();
        });
    }

    /** UPDATEs a run of changes alike in one round trip, then checks each change's row. */
    private Mono<Void> updateRun(Connection connection, List<Update> run) {
        Update first = run.get(0);
        RowListUpdate rows = statements.updateRows(first.columns(), first.checked(), first.nullChecked(), run.size());
        return RunUpdate.matched(executor, connection, rows, run.stream().map(Update::statement).toList())
                .flatMap(found -> {
                    for (int i = 0; i < run.size(); i++) {
                        if (!found[i]) {
                            return updated(run.get(i).change(), 0L);
                        }
                    }
                    return Flux.fromIterable(run).concatMap(update -> updated(update.change(), 1L)).then();
                });
    }

    /** After an UPDATE of a change: the error when no row matched, else the object's next version. */
    private Mono<Void> updated(Change change, long rows) {
        PropertyModel version = model.version();
        if (rows == 0) {
            if (version == null && !change.wasRead()) {
                return Mono.error(new ObjectNotFoundException("There is no " + describe(change.entity())
                        + " to update; use ainsert() to insert an object with a key of your choosing"));
            }
            List<String> names = change.checked().stream().map(PropertyModel::name).toList();
            String why = version != null ? "its version is no longer " + change.readVersion()
                    : names.isEmpty() ? "the row is gone" : "the values read of " + names + " changed";
            return Mono.error(checkFailed(change.entity(), why, "update of "
                    + change.columns().stream().map(PropertyModel::name).toList()));
        }
        if (version != null) {
            version.set(change.entity(), increment(change.readVersion()));
        }
        return Mono.empty();
    }

    // ---- DELETE ----

    /**
     * The DELETE of an object by key, and its version when checked.
     *
     * @param entity the object
     * @param checkVersion whether its {@code @Version} is checked (the entity has one)
     * @return the statement
     */
    SqlStatement deleteStatement(Object entity, boolean checkVersion) {
        List<Object> parameters = new ArrayList<>(model.key().columns().size() + 1);
        parameters.addAll(model.key().columnValues(model.idOf(entity)));
        if (checkVersion) {
            parameters.add(TypedNull.orNull(model.version(), model.version().get(entity)));
        }
        return new SqlStatement(statements.deleteSql(checkVersion), parameters, StatementKind.DELETE, model.name());
    }

    /**
     * DELETEs an object by key, checking its version when asked and the entity has one.
     *
     * @param connection the connection
     * @param entity the object
     * @param checkVersion whether to check the version (false for a reference loaded only by key)
     * @return completion
     * @throws OptimisticCheckException (in the Mono) when the version changed or the row is gone
     * @throws ObjectNotFoundException (in the Mono) when no row has the key, unchecked
     */
    Mono<Void> delete(Connection connection, Object entity, boolean checkVersion) {
        return Mono.defer(() -> {
            boolean checked = checkVersion && model.version() != null;
            Object readVersion = checked ? model.version().get(entity) : null;
            return deleteLinks(connection, entity).then(executor.update(connection, deleteStatement(entity, checked))).flatMap(rows -> {
                if (rows > 0) {
                    return Mono.<Void>empty();
                }
                if (checked) {
                    return Mono.error(checkFailed(entity, "its version is no longer " + readVersion, "delete"));
                }
                return Mono.error(new ObjectNotFoundException("There is no " + describe(entity) + " to delete"));
            });
        });
    }

    /**
     * Deletes the object's many-to-many link rows and clears the optional one-to-one references to it,
     * which would otherwise keep its row from being deleted.
     */
    private Mono<Void> deleteLinks(Connection connection, Object entity) {
        List<String> sql = new java.util.ArrayList<>(statements.linkDeleteSql());
        sql.addAll(statements.oneToOneReleaseSql());
        if (sql.isEmpty()) {
            return Mono.empty();
        }
        Object key = model.idOf(entity);
        return reactor.core.publisher.Flux.fromIterable(sql).concatMap(text -> executor.update(connection,
                new SqlStatement(text, model.key().columnValues(key), StatementKind.DELETE, model.name()))).then();
    }

    // ---- versions and errors ----

    private void initVersion(Object entity) {
        PropertyModel version = model.version();
        if (version != null) {
            Object value = version.get(entity);
            if (value == null || ((Number) value).longValue() == 0) {
                version.set(entity, version.valueType() == Long.class ? (Object) 1L : (Object) 1);
            }
        }
    }

    private static Object increment(Object version) {
        if (version instanceof Long l) {
            return l + 1;
        }
        if (version instanceof Integer i) {
            return i + 1;
        }
        return 1L;
    }

    private OptimisticCheckException checkFailed(Object entity, String why, String write) {
        return events.optimisticCheckFailed(new OptimisticCheckException(describe(entity) + " was changed or deleted "
                + "by another transaction since it was read (" + why + "); the " + write + " was not written"));
    }

    private String describe(Object entity) {
        return model.name() + "[" + model.idOf(entity) + "]";
    }
}
