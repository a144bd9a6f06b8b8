package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Json;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.spi.JacksonJsonCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Which codec the {@code @Json} fields of a mapping get, and the error without one. */
class JsonCodecMappingTest {

    @Entity(table = "jm_doc")
    static class Doc {
        @PrimaryKey Integer id;
        @Json Map<String, Integer> counts;
        @Json List<String> names;
        @Json java.util.Set<String> tags;
    }

    @Entity(table = "jm_plain")
    static class Plain {
        @PrimaryKey Integer id;
    }

    @Test
    void withoutAJsonCodecTheMappingNamesTheFieldsAndTheDependency() {
        Mapping mapping = Mapping.build(List.of(Doc.class), true);

        assertThatThrownBy(() -> mapping.useJsonCodec(null, () -> null)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Doc.counts, Doc.names, Doc.tags are @Json")
                .hasMessageContaining("tools.jackson.core:jackson-databind")
                .hasMessageContaining("AsyncDatabase.setJsonCodec");
    }

    @Test
    void aMappingWithoutJsonFieldsNeedsNoCodec() {
        Mapping mapping = Mapping.build(List.of(Plain.class), true);

        assertThatCode(() -> mapping.useJsonCodec(null, () -> null)).doesNotThrowAnyException();
    }

    @Test
    void jacksonIsTheDefaultAndGenericTypesRoundTrip() {
        Mapping mapping = Mapping.build(List.of(Doc.class), true);
        mapping.useJsonCodec(null);
        PropertyModel counts = mapping.entity(Doc.class).property("counts");

        Object json = counts.toColumn(Map.of("a", 1));

        assertThat(json).isEqualTo("{\"a\":1}");
        assertThat(counts.fromColumn("{\"b\":2}")).isEqualTo(Map.of("b", 2));
        assertThat(counts.columnType()).isEqualTo(io.nextorm.mapping.JsonDocument.class);
    }

    @Test
    void aGivenCodecIsUsed() {
        Mapping mapping = Mapping.build(List.of(Doc.class), true);
        mapping.useJsonCodec(new JacksonJsonCodec(), () -> {
            throw new AssertionError("the default must not be looked up");
        });

        assertThat(mapping.entity(Doc.class).property("names").toColumn(List.of("x"))).isEqualTo("[\"x\"]");
    }

    @Test
    void jsonAndConvertOnOneFieldIsAMappingError() {
        assertThatThrownBy(() -> Mapping.build(List.of(Both.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Both.value has both @Convert and @Json");
    }

    @Test
    void jsonOnAReferenceIsAMappingError() {
        assertThatThrownBy(() -> Mapping.build(List.of(JsonReference.class, Plain.class), true))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("JsonReference.plain: @Json is for plain columns");
    }

    @Entity(table = "jm_ref")
    static class JsonReference {
        @PrimaryKey Integer id;
        @Json Plain plain;
    }

    @Entity(table = "jm_both")
    static class Both {
        @PrimaryKey Integer id;
        @Json @io.nextorm.annotation.Convert(Trim.class) String value;
    }

    public static class Trim implements io.nextorm.spi.AttributeConverter<String, String> {
        @Override
        public String toDatabase(String value) {
            return value.trim();
        }

        @Override
        public String toEntity(String value) {
            return value;
        }
    }
}
