package io.nextorm.spi;

import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;

/**
 * The {@link JsonCodec} of Jackson 3 ({@code tools.jackson.core:jackson-databind}, an optional
 * dependency of nextorm): generic types ({@code List<Item>}) are read as declared.
 *
 * <pre>{@code
 * db.setJsonCodec(new JacksonJsonCodec(applicationJsonMapper));
 * }</pre>
 */
public final class JacksonJsonCodec implements JsonCodec {

    private final ObjectMapper mapper;

    /**
     * A codec with a default {@link JsonMapper}.
     */
    public JacksonJsonCodec() {
        this(JsonMapper.builder().build());
    }

    /**
     * A codec with the application's mapper (its naming strategy, modules and features apply).
     *
     * @param mapper the mapper
     */
    public JacksonJsonCodec(ObjectMapper mapper) {
        if (mapper == null) {
            throw new IllegalArgumentException("The ObjectMapper is null: pass the application's mapper, "
                    + "or use new JacksonJsonCodec() for a default one");
        }
        this.mapper = mapper;
    }

    @Override
    public String write(Object value, Type type) {
        return mapper.writerFor(javaType(type)).writeValueAsString(value);
    }

    @Override
    public Object read(String json, Type type) {
        return mapper.readValue(json, javaType(type));
    }

    private JavaType javaType(Type type) {
        return mapper.getTypeFactory().constructType(type);
    }
}
