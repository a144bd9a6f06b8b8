package io.nextorm.internal.session;

import io.nextorm.internal.execution.EntityLoader;
import io.nextorm.internal.execution.EntityRowMapper;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;
import io.nextorm.internal.sql.EntityStatements;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.StatementKind;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;

/**
 * The SELECTs that loading relations runs: objects by their keys, and the members of sets by their
 * owners' keys (through the reverse reference, or a link table), each split into IN lists of at most
 * {@value #IN_LIST_SIZE} keys.
 */
final class RelationQueries {

    /** Keys per IN list. */
    static final int IN_LIST_SIZE = 5_000;

    private final DatabaseRuntime runtime;

    RelationQueries(DatabaseRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Selects the objects of some keys: {@code key IN (...)}, or for a composite key an OR of each
     * key's columns.
     */
    Flux<Object> selectByKeys(EntityModel<?> model, List<Object> keys, EntityLoader loader) {
        if (!model.key().composite()) {
            return selectIn(model, model.id().column(), keys, loader);
        }
        EntityRowMapper<?> mapper = runtime.mappers().of(model);
        return chunks(keys).concatMap(chunk -> runtime.withConnection(connection -> runtime.executor().query(connection,
                new SqlStatement(runtime.renderer().statements(model).selectByKeysSql(chunk.size()),
                        model.key().columnValuesOfAll(chunk), StatementKind.SELECT, model.name()),
                row -> (Object) mapper.map(row, loader))));
    }

    Flux<Object> selectIn(EntityModel<?> model, String column, List<Object> keys, EntityLoader loader) {
        EntityRowMapper<?> mapper = runtime.mappers().of(model);
        return chunks(keys).concatMap(chunk -> runtime.withConnection(connection -> runtime.executor().query(connection,
                new SqlStatement(selectInSql(model, column, chunk.size()), chunk, StatementKind.SELECT, model.name()),
                row -> (Object) mapper.map(row, loader))));
    }

    Flux<Member> selectByReference(EntityModel<?> model, PropertyModel reverse, List<Object> ownerKeys,
                                           EntityLoader loader) {
        EntityRowMapper<?> mapper = runtime.mappers().of(model);
        return chunks(ownerKeys).concatMap(chunk -> runtime.withConnection(connection -> runtime.executor().query(
                connection, new SqlStatement(runtime.renderer().statements(model).selectInSql(reverse, chunk.size()),
                        reverse.wide() ? reverse.target().key().columnValuesOfAll(chunk) : chunk,
                        StatementKind.SELECT, model.name()),
                row -> {
                    Object ownerKey = mapper.readProperty(row, reverse);
                    return new Member(ownerKey, mapper.map(row, loader));
                })));
    }

    Flux<Member> selectJoined(EntityModel<?> model, Relation relation, List<Object> ownerKeys,
                              EntityModel<?> owner, EntityLoader loader) {
        EntityRowMapper<?> mapper = runtime.mappers().of(model);
        EntityStatements statements = runtime.renderer().statements(model);
        int keyIndex = mapper.width();
        return chunks(ownerKeys).concatMap(chunk -> runtime.withConnection(connection -> runtime.executor().query(
                connection, new SqlStatement(statements.selectLinkedSql(relation, chunk.size()),
                        owner.key().columnValuesOfAll(chunk), StatementKind.SELECT, model.name()),
                row -> {
                    // the owner's key follows the member's columns
                    Object ownerKey = owner.key().read((index, type) -> runtime.mappers().read(row, index, type), keyIndex);
                    return new Member(ownerKey, mapper.map(row, loader));
                })));
    }

    private String selectInSql(EntityModel<?> model, String column, int keys) {
        return runtime.renderer().statements(model).selectInSql(column, keys);
    }

    static Flux<List<Object>> chunks(List<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += IN_LIST_SIZE) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + IN_LIST_SIZE)));
        }
        return Flux.fromIterable(chunks);
    }

    /**
     * A member of a set, with the key of the owner it belongs to.
     *
     * @param ownerKey the owner's key
     * @param entity the member
     */
    record Member(Object ownerKey, Object entity) {
    }
}
