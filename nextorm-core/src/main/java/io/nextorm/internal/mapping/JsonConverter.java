package io.nextorm.internal.mapping;

import io.nextorm.NextOrmException;
import io.nextorm.annotation.Json;
import io.nextorm.mapping.JsonDocument;
import io.nextorm.spi.JsonCodec;

import java.lang.reflect.Type;

/**
 * A {@link Json} field: its value is written as JSON text with the database's {@link JsonCodec},
 * using the field's generic type, and read back the same way. The column type is {@code JsonDocument},
 * which the dialects create as their JSON type; the bound value is a String.
 */
final class JsonConverter implements ValueConverter {

    private final Type type;
    private final String where;
    private volatile JsonCodec codec;

    JsonConverter(Type type, String where) {
        this.type = type;
        this.where = where;
    }

    /** Jackson 3's codec when {@code tools.jackson.databind} is on the class path, else null. */
    static JsonCodec defaultCodec() {
        try {
            Class.forName("tools.jackson.databind.json.JsonMapper", false, JsonConverter.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return new io.nextorm.spi.JacksonJsonCodec();
    }

    void useCodec(JsonCodec jsonCodec) {
        this.codec = jsonCodec;
    }

    @Override
    public Class<?> columnType() {
        return JsonDocument.class;
    }

    @Override
    public Class<?> bindType() {
        return String.class;
    }

    @Override
    public Object toColumn(Object value) {
        try {
            return codec().write(value, type);
        } catch (RuntimeException e) {
            throw new NextOrmException(where + " cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Object toProperty(Object value) {
        try {
            return codec().read(value.toString(), type);
        } catch (RuntimeException e) {
            throw new NextOrmException(where + ": the JSON read cannot be converted to " + type.getTypeName()
                    + ": " + e.getMessage(), e);
        }
    }

    private JsonCodec codec() {
        JsonCodec current = codec;
        if (current == null) {
            throw new IllegalStateException(where + " is @Json but the database has no JsonCodec: call generateMapping first");
        }
        return current;
    }
}
