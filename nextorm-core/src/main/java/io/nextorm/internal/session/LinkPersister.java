package io.nextorm.internal.session;

import io.nextorm.internal.execution.StatementExecutor;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.PropertyModel;
import io.nextorm.internal.mapping.Relation;
import io.nextorm.internal.sql.LinkStatements;
import io.nextorm.internal.sql.SqlStatement;
import io.nextorm.internal.sql.StatementKind;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the link rows of many-to-many sets: the same link changed from both sides is one row;
 * removed links (and added ones that may exist already) are deleted one by one, then added links
 * go in multi-row INSERTs per link table.
 */
final class LinkPersister {

    private final LinkStatements statements;
    private final StatementExecutor executor;

    LinkPersister(LinkStatements statements, StatementExecutor executor) {
        this.statements = statements;
        this.executor = executor;
    }

    /**
     * A member added to or removed from an owner's many-to-many set.
     *
     * @param owner the set's owner
     * @param set the set property
     * @param member the member
     * @param add true when added
     * @param unsure whether the link may exist already (so it is deleted before it is inserted)
     */
    record LinkChange(Object owner, PropertyModel set, Object member, boolean add, boolean unsure) {
    }

    /**
     * The statements that write a list of changes, deletes first.
     *
     * @param changes the changes, in order (a later change of a link wins)
     * @return the statements
     */
    List<SqlStatement> statements(List<LinkChange> changes) {
        Map<Link, Boolean> wanted = new LinkedHashMap<>();
        Set<Link> unsure = new LinkedHashSet<>();
        for (LinkChange change : changes) {
            Link link = Link.of(change.owner(), change.set(), change.member());
            wanted.put(link, change.add());
            if (change.add() && change.unsure()) {
                unsure.add(link);
            }
        }
        List<SqlStatement> deletes = new ArrayList<>();
        Map<String, List<Link>> inserted = new LinkedHashMap<>();
        for (Map.Entry<Link, Boolean> link : wanted.entrySet()) {
            Link row = link.getKey();
            if (!link.getValue() || unsure.contains(row)) {
                deletes.add(new SqlStatement(statements.deleteSql(row.table(), row.firstColumns(), row.secondColumns()),
                        row.values(), StatementKind.DELETE, null));
            }
            if (link.getValue()) {
                inserted.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
            }
        }
        List<SqlStatement> all = new ArrayList<>(deletes);
        for (List<Link> tableLinks : inserted.values()) {
            for (int from = 0; from < tableLinks.size(); from += EntityPersister.MAX_ROWS) {
                List<Link> chunk = tableLinks.subList(from, Math.min(tableLinks.size(), from + EntityPersister.MAX_ROWS));
                Link first = chunk.get(0);
                List<Object> values = new ArrayList<>(chunk.size() * 2);
                for (Link link : chunk) {
                    values.addAll(link.values());
                }
                all.add(new SqlStatement(statements.insertSql(first.table(), first.firstColumns(), first.secondColumns(),
                        chunk.size()), values, StatementKind.INSERT, null));
            }
        }
        return all;
    }

    /**
     * Writes a list of changes.
     *
     * @param connection the connection
     * @param changes the changes
     * @return completion
     */
    Mono<Void> write(Connection connection, List<LinkChange> changes) {
        if (changes.isEmpty()) {
            return Mono.empty();
        }
        return Mono.defer(() -> Flux.fromIterable(statements(changes))
                .concatMap(statement -> executor.update(connection, statement)).then());
    }

    /**
     * One link row, with its columns in a fixed order so that the same link seen from both sides
     * is one link; a composite key has one column (and value) per key column.
     */
    private record Link(String table, List<String> firstColumns, List<Object> firstKey, List<String> secondColumns,
                        List<Object> secondKey) {

        static Link of(Object owner, PropertyModel set, Object member) {
            Relation relation = set.relation();
            EntityModel<?> ownerModel = relation.reverse().target();
            List<Object> ownerKey = ownerModel.key().columnValues(ownerModel.idOf(owner));
            List<Object> memberKey = set.target().key().columnValues(set.target().idOf(member));
            if (relation.ownColumns().get(0).compareTo(relation.otherColumns().get(0)) < 0) {
                return new Link(relation.joinTable(), relation.ownColumns(), ownerKey, relation.otherColumns(), memberKey);
            }
            return new Link(relation.joinTable(), relation.otherColumns(), memberKey, relation.ownColumns(), ownerKey);
        }

        /** The values of the row: the first key's, then the second's. */
        List<Object> values() {
            List<Object> values = new ArrayList<>(firstKey);
            values.addAll(secondKey);
            return values;
        }
    }
}
