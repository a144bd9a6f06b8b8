package io.nextorm.mapping;

/**
 * The {@link Column#javaType()} of a column that holds a JSON document (an
 * {@link io.nextorm.annotation.Json} field): a dialect creates it as its JSON type ({@code JSONB} on
 * PostgreSQL, {@code JSON} on MariaDB, text elsewhere) and reads and binds it as a String.
 */
public final class JsonDocument {

    private JsonDocument() {
    }
}
