package io.nextorm.testkit;

import io.nextorm.AsyncDatabase;
import io.nextorm.dialect.Dialect;
import io.nextorm.internal.execution.EntityLoader;
import io.nextorm.internal.execution.EntityRowMapper;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.internal.mapping.PropertyModel;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Flux;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the generated row mapper and the method-handle mapper of an entity over the same rows of its
 * table, so that a test can compare what each made of every row. Objects are fresh per row; a
 * reference becomes a new stub holding only its key.
 */
public final class MapperComparison {

    /** A fresh object per row, a fresh stub per reference. */
    private static final EntityLoader FRESH = new EntityLoader() {
        @Override
        public <T> T load(EntityModel<T> model, Object id, io.r2dbc.spi.Readable row, RowFill<T> fill,
                          EntityLoader references) {
            T entity = model.newInstance();
            fill.fill(entity, row, references, id);
            return entity;
        }

        @Override
        public Object reference(EntityModel<?> target, Object id) {
            Object stub = target.newInstance();
            target.id().set(stub, id);
            return stub;
        }
    };

    private MapperComparison() {
    }

    /**
     * What the two mappers made of one row.
     *
     * @param generated the generated mapper's object
     * @param handles the method-handle mapper's object
     * @param <T> the entity type
     */
    public record Mapped<T>(T generated, T handles) {
    }

    /**
     * The mapper an entity gets on a database, generated if it can be.
     *
     * @param database the bound database
     * @param type the entity
     * @param entities the entities of the mapping (the entity's references among them)
     * @param <T> the entity type
     * @return the mapper
     */
    public static <T> EntityRowMapper<T> generatedMapper(AsyncDatabase database, Class<T> type,
                                                         Collection<Class<?>> entities) {
        return new EntityRowMapper<>(Mapping.build(entities, true).entity(type), database.dialect(), true);
    }

    /**
     * Maps every row of an entity's table, ordered by key, with both mappers.
     *
     * @param database the bound database
     * @param type the entity
     * @param entities the entities of the mapping (the entity's references among them)
     * @param <T> the entity type
     * @return one pair per row
     */
    public static <T> List<Mapped<T>> mapBoth(AsyncDatabase database, Class<T> type, Collection<Class<?>> entities) {
        EntityModel<T> model = Mapping.build(entities, true).entity(type);
        Dialect dialect = database.dialect();
        EntityRowMapper<T> generated = new EntityRowMapper<>(model, dialect, true);
        EntityRowMapper<T> handles = new EntityRowMapper<>(model, dialect, false);
        if (!generated.isGenerated() || handles.isGenerated()) {
            throw new IllegalStateException("Expected a generated mapper for " + type + " and a method-handle one");
        }
        String sql = "SELECT " + model.eagerColumns().stream().map(PropertyModel::column).map(dialect::identifier)
                .collect(Collectors.joining(", ")) + " FROM " + dialect.identifier(model.table())
                + " ORDER BY " + dialect.identifier(model.id().column());
        return Flux.usingWhen(database.getConnection(),
                        (Connection connection) -> Flux.from(connection.createStatement(sql).execute())
                                .concatMap(result -> result.map((row, metadata) ->
                                        new Mapped<>(generated.map(row, FRESH), handles.map(row, FRESH)))),
                        Connection::close)
                .collectList().block(DatabaseTestKit.TIMEOUT);
    }
}
