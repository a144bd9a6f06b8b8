package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.SchemaCheck;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Json;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.spi.JacksonJsonCodec;
import io.nextorm.spi.JsonCodec;
import io.nextorm.spi.StatementListener;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @Json} fields over hand-made JSON columns: jsonb and json on PostgreSQL, JSON on MariaDB, text on
 * H2 and SQLite; generic types round-trip as declared.
 */
class JsonColumnTest extends ExistingSchemaKit {

    record Address(String street, int number) {
    }

    record Line(String product, int quantity) {
    }

    @Entity(table = "js_order")
    static class Order {
        @PrimaryKey Integer id;
        @Json Address address;
        @Json List<Line> items;
        @Nullable @Json Map<String, Object> attributes;
    }

    @Entity(table = "js_order")
    static class WrongColumn {
        @PrimaryKey Integer id;
        @Nullable @Json Address weight;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Order.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("js_order");
    }

    @Override
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(SchemaCheck.VALIDATE, true);
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return switch (database) {
            case POSTGRES -> List.of("CREATE TABLE js_order (id INT PRIMARY KEY, address JSONB NOT NULL, items JSONB NOT NULL,"
                    + " attributes JSON NULL, weight INT NULL)");
            case MARIADB -> List.of("CREATE TABLE js_order (id INT PRIMARY KEY, address JSON NOT NULL, items JSON NOT NULL,"
                    + " attributes JSON NULL, weight INT NULL)");
            case H2 -> List.of("CREATE TABLE js_order (id INT PRIMARY KEY, address CHARACTER VARYING NOT NULL,"
                    + " items CHARACTER VARYING NOT NULL, attributes VARCHAR(2000) NULL, weight INT NULL)");
            default -> List.of("CREATE TABLE js_order (id INT PRIMARY KEY, address TEXT NOT NULL, items TEXT NOT NULL,"
                    + " attributes TEXT NULL, weight INT NULL)");
        };
    }

    private static Order order(int id) {
        Order order = new Order();
        order.id = id;
        order.address = new Address("Main Street", 12);
        order.items = new ArrayList<>(List.of(new Line("pen", 2), new Line("ink", 1)));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gift", true);
        attributes.put("note", "ring twice");
        order.attributes = attributes;
        return order;
    }

    private Order load(int id) {
        return await(db.aselect(Order.class).filter(JsonColumnTest_Order_.id.eq(id)).getOrRaise());
    }

    @Test
    void aRecordAListOfRecordsAndAMapRoundTrip() {
        await(db.session(s -> Mono.fromRunnable(() -> s.add(order(1)))));

        Order loaded = load(1);

        assertThat(loaded.address).isEqualTo(new Address("Main Street", 12));
        assertThat(loaded.items).containsExactly(new Line("pen", 2), new Line("ink", 1));
        assertThat(loaded.attributes).containsEntry("gift", true).containsEntry("note", "ring twice");
    }

    @Test
    void theColumnHoldsTheJsonDocument() {
        await(db.session(s -> Mono.fromRunnable(() -> s.add(order(1)))));

        String stored = String.valueOf(await(db.selectRaw("SELECT address FROM js_order")).get(0).values().iterator().next());

        assertThat(stored.replace(" ", "")).contains("\"street\":\"MainStreet\"").contains("\"number\":12");
    }

    @Test
    void aConditionComparesWithTheSerializedDocument() {
        await(db.session(s -> Mono.fromRunnable(() -> s.add(order(1)))));

        assertThat(await(db.aselect(Order.class).filter(JsonColumnTest_Order_.address.eq(new Address("Main Street", 12)))
                .count())).isEqualTo(1L);
        assertThat(await(db.aselect(Order.class).filter(JsonColumnTest_Order_.address.eq(new Address("Main Street", 13)))
                .count())).isZero();
    }

    @Test
    void postgresBindsDocumentsWithACastToTheColumnsJsonType() {
        org.junit.jupiter.api.Assumptions.assumeTrue(target == TestDatabase.POSTGRES, "casts are PostgreSQL's");
        List<String> statements = new CopyOnWriteArrayList<>();
        StatementListener listener = info -> statements.add(info.sql());
        db.addStatementListener(listener);
        try {
            await(db.session(s -> Mono.fromRunnable(() -> s.add(order(1)))));
        } finally {
            db.removeStatementListener(listener);
        }
        assertThat(statements).filteredOn(sql -> sql.startsWith("INSERT")).singleElement().asString()
                .contains("$2::jsonb, $3::jsonb, $4::json");
    }

    @Test
    void aNullDocumentIsANullColumn() {
        Order order = order(1);
        order.attributes = null;
        await(db.session(s -> Mono.fromRunnable(() -> s.add(order))));

        assertThat(load(1).attributes).isNull();
        assertThat(await(db.aselect(Order.class).filter(JsonColumnTest_Order_.attributes.isNull()).count())).isEqualTo(1L);
    }

    @Test
    void aChangedDocumentIsWrittenAndAnEqualOneIsNot() {
        await(db.session(s -> Mono.fromRunnable(() -> s.add(order(1)))));
        List<String> statements = new CopyOnWriteArrayList<>();
        StatementListener listener = info -> statements.add(info.sql());
        db.addStatementListener(listener);
        try {
            await(db.session(s -> db.aselect(Order.class).filter(JsonColumnTest_Order_.id.eq(1)).getOrRaise()
                    .doOnNext(o -> o.address = new Address("Main Street", 12))));
            assertThat(statements).noneMatch(sql -> sql.startsWith("UPDATE"));

            await(db.session(s -> db.aselect(Order.class).filter(JsonColumnTest_Order_.id.eq(1)).getOrRaise()
                    .doOnNext(o -> {
                        o.items.add(new Line("paper", 500));
                        o.attributes = null;
                    })));
            assertThat(statements).anyMatch(sql -> sql.startsWith("UPDATE"));
        } finally {
            db.removeStatementListener(listener);
        }
        Order loaded = load(1);
        assertThat(loaded.items).extracting(Line::product).containsExactly("pen", "ink", "paper");
        assertThat(loaded.attributes).isNull();
    }

    @Test
    void aCodecSetOnTheDatabaseWritesAndReadsTheDocuments() {
        AtomicInteger writes = new AtomicInteger();
        JsonCodec jackson = new JacksonJsonCodec();
        AsyncDatabase other = createTables(target);
        try {
            other.setJsonCodec(new JsonCodec() {
                @Override
                public String write(Object value, Type type) {
                    writes.incrementAndGet();
                    return jackson.write(value, type);
                }

                @Override
                public Object read(String json, Type type) {
                    return jackson.read(json, type);
                }
            });
            await(other.generateMapping(SchemaCheck.VALIDATE, true));
            await(other.session(s -> Mono.fromRunnable(() -> s.add(order(2)))));

            assertThat(writes.get()).as("the three documents written, and snapshot").isGreaterThanOrEqualTo(3);
            assertThat(await(other.aselect(Order.class).getOrRaise()).items).hasSize(2);
        } finally {
            await(other.close());
        }
    }

    @Test
    void setJsonCodecRefusesNullAndComesBeforeTheMapping() {
        assertThatThrownBy(() -> db.setJsonCodec(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JacksonJsonCodec");
        assertThatThrownBy(() -> db.setJsonCodec(new JacksonJsonCodec())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before generateMapping()");
    }

    @Test
    void theSchemaCheckReportsAJsonFieldOverANumberColumn() {
        AsyncDatabase other = createTables(target, List.of(WrongColumn.class));
        try {
            assertThatThrownBy(() -> await(other.generateMapping(SchemaCheck.VALIDATE, true)))
                    .isInstanceOf(io.nextorm.MappingException.class)
                    .hasMessageContaining("WrongColumn.weight is a @Json document");
        } finally {
            await(other.close());
        }
    }
}
