package io.nextorm.testkit;

import io.nextorm.AsyncDatabase;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.mapping.Table;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops and empties the tables of a test's entities, so every test starts from a known state.
 */
public final class SchemaCleaner {

    private SchemaCleaner() {
    }

    /**
     * Drops the tables of entities (join tables included), if they exist.
     *
     * @param db a bound database
     * @param entities the entity classes
     * @return completion
     */
    public static Mono<Void> dropTables(AsyncDatabase db, List<Class<?>> entities) {
        List<Table> tables = new ArrayList<>(Mapping.build(entities, false).creationOrder());
        java.util.Collections.reverse(tables);
        String cascade = db.dialect().name().equals("mariadb") || db.dialect().name().equals("sqlite") ? "" : " CASCADE";
        return Flux.fromIterable(tables)
                .concatMap(table -> db.execute("DROP TABLE IF EXISTS " + db.dialect().identifier(table.name()) + cascade))
                .then();
    }

    /**
     * Deletes every row of the mapped tables, referencing tables first.
     *
     * @param db a mapped database
     * @return completion
     */
    public static Mono<Void> deleteRows(AsyncDatabase db) {
        List<Table> tables = new ArrayList<>(db.schema().values());
        java.util.Collections.reverse(tables);
        return Flux.fromIterable(tables)
                .concatMap(table -> db.execute("DELETE FROM " + db.dialect().identifier(table.name())))
                .then(Mono.fromRunnable(db::clearLocalStats));
    }
}
