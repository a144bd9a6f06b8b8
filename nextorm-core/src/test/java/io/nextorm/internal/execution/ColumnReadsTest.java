package io.nextorm.internal.execution;

import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.dialect.Dialect;
import io.nextorm.dialect.H2Dialect;
import io.nextorm.dialect.PostgresDialect;
import io.nextorm.internal.mapping.EntityModel;
import io.nextorm.internal.mapping.Mapping;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which class each column of an entity's rows is asked for: on H2, a result whose columns are of
 * their properties' own types is read with those types (r2dbc-h2 then finds each codec at once),
 * one with another column type (SMALLINT under an {@code Integer}) with the dialect's catch-all
 * {@code readType}; a dialect that does not read column types always asks for the catch-all.
 */
class ColumnReadsTest {

    @Entity(table = "cr_sample")
    public static class Sample {
        @PrimaryKey
        Long id;
        Integer count;
        String label;
    }

    /** New objects for each row, as outside a session; the sample entity has no references. */
    private static final EntityLoader NEW_OBJECTS = new EntityLoader() {
        @Override
        public <T> T load(EntityModel<T> model, Object id, Readable row,
                          RowFill<T> fill, EntityLoader references) {
            T entity = model.newInstance();
            fill.fill(entity, row, references, id);
            return entity;
        }

        @Override
        public Object reference(EntityModel<?> target, Object id) {
            throw new AssertionError("the sample has no references");
        }
    };

    /** A real H2 row that notes the class each read asks for. */
    private record Recording(Row row, List<Class<?>> asked) implements Row {
        @Override
        public RowMetadata getMetadata() {
            return row.getMetadata();
        }

        @Override
        public <T> T get(int index, Class<T> type) {
            asked.add(type);
            return row.get(index, type);
        }

        @Override
        public <T> T get(String name, Class<T> type) {
            asked.add(type);
            return row.get(name, type);
        }
    }

    private static <T> List<T> onH2(String countType, Function<Row, T> read) {
        return Flux.usingWhen(Mono.from(ConnectionFactories.get("r2dbc:h2:mem:///column-reads-" + countType).create()),
                connection -> run(connection, "CREATE TABLE cr_sample (id BIGINT PRIMARY KEY, count " + countType
                        + ", label VARCHAR(20))")
                        .then(run(connection, "INSERT INTO cr_sample VALUES (1, 7, 'seven'), (2, 8, 'eight')"))
                        .thenMany(Flux.from(connection.createStatement("SELECT id, count, label FROM cr_sample ORDER BY id")
                                .execute()).flatMap(result -> result.map((row, metadata) -> read.apply(row)))),
                Connection::close).collectList().block(Duration.ofSeconds(10));
    }

    private static Mono<Void> run(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute()).flatMap(Result::getRowsUpdated).then();
    }

    private static EntityRowMapper<Sample> mapper(Dialect dialect) {
        return new EntityRowMapper<>(Mapping.build(List.of(Sample.class), true).entity(Sample.class), dialect);
    }

    @Test
    void columnsOfTheirPropertiesTypesAreAskedForAsThoseTypes() {
        EntityRowMapper<Sample> mapper = mapper(new H2Dialect());
        List<Class<?>> asked = new ArrayList<>();
        List<Object> counts = onH2("INTEGER", row -> mapper.read(new Recording(row, asked), 1));
        assertThat(counts).containsExactly(7, 8);
        assertThat(asked).containsExactly(Integer.class, Integer.class);
    }

    @Test
    void wholeRowsAreFilledByTheFillerOfTheResultsReads() {
        EntityRowMapper<Sample> mapper = mapper(new H2Dialect());
        assertThat(mapper.isGenerated()).isTrue();
        List<Class<?>> exact = new ArrayList<>();
        List<Sample> own = onH2("INTEGER", row -> mapper.map(new Recording(row, exact), NEW_OBJECTS));
        // per row: the key (read once, for the identity map), then the other columns by the generated filler
        assertThat(exact).containsExactly(Long.class, Integer.class, String.class, Long.class, Integer.class, String.class);
        assertThat(own).extracting(s -> s.id, s -> s.count, s -> s.label)
                .containsExactly(tuple(1L, 7, "seven"),
                        tuple(2L, 8, "eight"));

        List<Class<?>> catchAll = new ArrayList<>();
        List<Sample> narrowed = onH2("SMALLINT", row -> mapper.map(new Recording(row, catchAll), NEW_OBJECTS));
        assertThat(catchAll).containsExactly(Number.class, Number.class, String.class, Number.class, Number.class,
                String.class);
        assertThat(narrowed).extracting(s -> s.count).containsExactly(7, 8);
    }

    @Test
    void aColumnOfAnotherTypeIsAskedForAsTheCatchAllAndConverted() {
        EntityRowMapper<Sample> mapper = mapper(new H2Dialect());
        List<Class<?>> asked = new ArrayList<>();
        // the same mapper, first on a result of matching types, then on one whose count is a SMALLINT
        onH2("INTEGER", row -> mapper.read(new Recording(row, new ArrayList<>()), 1));
        List<Object> counts = onH2("SMALLINT", row -> mapper.read(new Recording(row, asked), 1));
        assertThat(counts).containsExactly(7, 8);
        assertThat(asked).containsExactly(Number.class, Number.class);
        assertThat(onH2("INTEGER", row -> mapper.read(row, 1))).containsExactly(7, 8);
    }

    @Test
    void aDialectThatDoesNotReadColumnTypesAlwaysAsksForTheCatchAll() {
        EntityRowMapper<Sample> mapper = mapper(new PostgresDialect());
        List<Class<?>> asked = new ArrayList<>();
        assertThat(onH2("INTEGER", row -> mapper.read(new Recording(row, asked), 1))).containsExactly(7, 8);
        assertThat(asked).containsExactly(Object.class, Object.class);
    }

    @Test
    void readsFitAResultOnlyWithEachColumnOfExactlyTheirType() {
        // the result has three columns: reads of four (a fourth of a matching type would be asked for) do not fit
        ColumnReads fallback = new ColumnReads(null, new Class<?>[] {Object.class, Object.class, String.class, Object.class}, null);
        ColumnReads exact = new ColumnReads(null, new Class<?>[] {Long.class, Integer.class, String.class, Integer.class}, null);
        ColumnReads firstThree = new ColumnReads(null, new Class<?>[] {Long.class, Integer.class, String.class}, null);
        ColumnReads otherType = new ColumnReads(null, new Class<?>[] {Long.class, Long.class, String.class}, null);
        ColumnReads threeFallback = new ColumnReads(null, new Class<?>[] {Object.class, Object.class, String.class}, null);
        assertThat(onH2("INTEGER", row -> exact.fit(row.getMetadata(), fallback))).containsOnly(false);
        assertThat(onH2("INTEGER", row -> firstThree.fit(row.getMetadata(), threeFallback))).containsOnly(true);
        assertThat(onH2("INTEGER", row -> otherType.fit(row.getMetadata(), threeFallback))).containsOnly(false);
    }
}
