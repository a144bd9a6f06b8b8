package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field of any type (a record, a {@code Map}, a {@code List<Item>}) as a JSON document:
 * {@code jsonb} on PostgreSQL, {@code JSON} on MariaDB, text on H2 and SQLite. Values are written and
 * read with the database's {@link io.nextorm.spi.JsonCodec} (Jackson 3 by default), using the field's
 * generic type.
 *
 * <pre>{@code
 * @Json List<Item> items;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Json {
}
