package io.nextorm.internal.execution;

import io.nextorm.dialect.Dialect;
import io.nextorm.internal.mapping.EntityModel;
import io.r2dbc.spi.Readable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The row mappers of one database, made once per entity, and the reading of single values with
 * the dialect's conversions.
 */
public final class RowMappers {

    private final Dialect dialect;
    private final Map<Class<?>, EntityRowMapper<?>> mappers = new ConcurrentHashMap<>();

    /**
     * The mappers of a database.
     *
     * @param executor the database's statement executor, whose dialect converts values
     */
    public RowMappers(StatementExecutor executor) {
        this.dialect = executor.dialect();
    }

    /**
     * The row mapper of an entity.
     *
     * @param model the entity
     * @param <T> the entity type
     * @return its mapper, made once
     */
    @SuppressWarnings("unchecked")
    public <T> EntityRowMapper<T> of(EntityModel<T> model) {
        // a read first: computeIfAbsent's function captures the model, an allocation on every call
        EntityRowMapper<?> mapper = mappers.get(model.type());
        return (EntityRowMapper<T>) (mapper != null ? mapper
                : mappers.computeIfAbsent(model.type(), type -> new EntityRowMapper<>(model, dialect)));
    }

    /**
     * Reads one value of a type from a row, as the dialect reads a column of that type.
     *
     * @param row the row
     * @param index the column index
     * @param javaType the wanted Java type
     * @return the converted value, or null
     */
    public Object read(Readable row, int index, Class<?> javaType) {
        return EntityRowMapper.readValue(dialect, row, index, javaType);
    }

    /**
     * Converts a value read without a type (an aggregate's) into a Java type.
     *
     * @param raw the driver's value, not null
     * @param javaType the wanted Java type
     * @return the converted value
     */
    public Object convert(Object raw, Class<?> javaType) {
        return dialect.fromDatabase(raw, javaType);
    }
}
