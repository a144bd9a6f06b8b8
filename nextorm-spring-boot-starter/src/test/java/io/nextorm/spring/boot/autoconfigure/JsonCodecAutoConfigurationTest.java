package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.nextorm.spi.JsonCodec;
import io.nextorm.spring.boot.autoconfigure.jsondoc.Parcel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @Json} fields of the auto-configured database use the application's JsonMapper or JsonCodec. */
class JsonCodecAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(R2dbcAutoConfiguration.class, NextOrmAutoConfiguration.class))
            .withPropertyValues("spring.r2dbc.generate-unique-name=true", "nextorm.create-tables=true",
                    "nextorm.entity-packages=io.nextorm.spring.boot.autoconfigure.jsondoc");

    @Configuration(proxyBeanMethods = false)
    static class SnakeCaseMapper {
        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UpperCaseCodec {
        @Bean
        JsonCodec jsonCodec() {
            JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE).build();
            return new JsonCodec() {
                @Override
                public String write(Object value, Type type) {
                    return mapper.writeValueAsString(value);
                }

                @Override
                public Object read(String json, Type type) {
                    return mapper.readValue(json, mapper.getTypeFactory().constructType(type));
                }
            };
        }
    }

    private static String storedAddress(AsyncDatabase db) {
        db.asave(Parcel.to(new Parcel.Address("Elm Row", 7))).block(Duration.ofSeconds(10));
        List<Map<String, Object>> rows = db.selectRaw("SELECT address FROM parcel").block(Duration.ofSeconds(10));
        assertThat(db.aselect(Parcel.class).getOrRaise().block(Duration.ofSeconds(10)).getAddress())
                .isEqualTo(new Parcel.Address("Elm Row", 7));
        return String.valueOf(rows.get(0).values().iterator().next());
    }

    @Test
    void theApplicationsJsonMapperWritesTheDocuments() {
        runner.withUserConfiguration(SnakeCaseMapper.class).run(context ->
                assertThat(storedAddress(context.getBean(AsyncDatabase.class))).contains("\"street_name\"")
                        .contains("\"house_number\""));
    }

    @Test
    void withoutAnApplicationMapperADefaultOneWritesTheDocuments() {
        runner.run(context -> assertThat(storedAddress(context.getBean(AsyncDatabase.class))).contains("\"streetName\""));
    }

    @Test
    void theApplicationsJsonCodecReplacesTheMapper() {
        runner.withUserConfiguration(SnakeCaseMapper.class, UpperCaseCodec.class).run(context ->
                assertThat(storedAddress(context.getBean(AsyncDatabase.class))).contains("\"StreetName\""));
    }
}
