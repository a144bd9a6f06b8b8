package io.nextorm.spi;

import java.lang.reflect.Type;

/**
 * Writes and reads the values of {@link io.nextorm.annotation.Json} fields. The default is Jackson 3
 * ({@link JacksonJsonCodec}) when it is on the class path; set another with
 * {@code AsyncDatabase.setJsonCodec}.
 *
 * <pre>{@code
 * db.setJsonCodec(new JacksonJsonCodec(JsonMapper.builder().build()));
 * }</pre>
 */
public interface JsonCodec {

    /**
     * Serializes a value.
     *
     * @param value the field's value, never null
     * @param type the field's generic type
     * @return the JSON text
     */
    String write(Object value, Type type);

    /**
     * Deserializes a value.
     *
     * @param json the JSON text, never null
     * @param type the field's generic type ({@code List<Item>})
     * @return the value
     */
    Object read(String json, Type type);
}
