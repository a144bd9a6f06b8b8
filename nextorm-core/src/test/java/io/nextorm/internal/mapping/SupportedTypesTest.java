package io.nextorm.internal.mapping;

import io.nextorm.MappingException;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportedTypesTest {

    @Entity
    static class Gadget {
        @PrimaryKey Long id;
        java.math.BigInteger size;
    }

    @Entity
    static class Huge {
        @PrimaryKey Long id;
        BigInteger count;
    }

    @Test
    void everyNameOfTheTableIsAClassTheMappingMaps() throws ClassNotFoundException {
        for (String name : SupportedTypes.columnTypes().keySet()) {
            Class<?> type = name.equals("byte[]") ? byte[].class : Class.forName(name);
            assertThat(SupportedTypes.isColumnType(type)).as(name).isTrue();
            assertThat(type.getCanonicalName()).isEqualTo(name);
        }
        assertThat(SupportedTypes.isColumnType(java.time.DayOfWeek.class)).isTrue();
    }

    @Test
    void typesTheProcessorOnceTypedAsNumbersAreNoColumnTypes() {
        assertThat(SupportedTypes.kindOf("java.lang.Byte")).isEqualTo(SupportedTypes.Kind.NUMBER);
        assertThat(SupportedTypes.kindOf("java.math.BigInteger")).isNull();
        assertThat(SupportedTypes.kindOf("java.lang.Long")).isEqualTo(SupportedTypes.Kind.NUMBER);
        assertThat(SupportedTypes.kindOf("java.util.UUID")).isEqualTo(SupportedTypes.Kind.COMPARABLE);
        assertThatThrownBy(() -> Mapping.build(List.of(Gadget.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("unsupported type java.math.BigInteger").hasMessageContaining(SupportedTypes.describe());
        assertThatThrownBy(() -> Mapping.build(List.of(Huge.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("java.math.BigInteger");
    }
}
