package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.SchemaCheck;
import io.nextorm.annotation.Convert;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.spi.AttributeConverter;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code @Convert} fields over hand-made columns: the column holds the converter's database type. */
class ConverterTest extends ExistingSchemaKit {

    /** A value type the mapping does not know. */
    record Money(long cents) {
    }

    public static class MoneyConverter implements AttributeConverter<Money, Long> {
        @Override
        public Long toDatabase(Money value) {
            return value.cents();
        }

        @Override
        public Money toEntity(Long value) {
            return new Money(value);
        }
    }

    /** Labels as one comma-separated text. */
    public static class LabelsConverter implements AttributeConverter<List<String>, String> {
        @Override
        public String toDatabase(List<String> value) {
            return String.join(",", value);
        }

        @Override
        public List<String> toEntity(String value) {
            return value.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(value.split(",")));
        }
    }

    public static class NoDefaultConstructor implements AttributeConverter<Money, Long> {
        public NoDefaultConstructor(String unused) {
        }

        @Override
        public Long toDatabase(Money value) {
            return value.cents();
        }

        @Override
        public Money toEntity(Long value) {
            return new Money(value);
        }
    }

    public static class UnsupportedDatabaseType implements AttributeConverter<Money, StringBuilder> {
        @Override
        public StringBuilder toDatabase(Money value) {
            return new StringBuilder().append(value.cents());
        }

        @Override
        public Money toEntity(StringBuilder value) {
            return new Money(Long.parseLong(value.toString()));
        }
    }

    public static class FailingConverter implements AttributeConverter<Money, Long> {
        @Override
        public Long toDatabase(Money value) {
            throw new IllegalArgumentException("negative money " + value.cents());
        }

        @Override
        public Money toEntity(Long value) {
            return new Money(value);
        }
    }

    @Entity(table = "cn_item")
    static class Item {
        @PrimaryKey Integer id;
        @Convert(MoneyConverter.class) Money price;
        @Nullable @Convert(LabelsConverter.class) List<String> labels;
    }

    @Entity(table = "cn_item")
    static class ItemWithTextPrice {
        @PrimaryKey Integer id;
        @Convert(MoneyConverter.class) Money labels;
    }

    @Entity(table = "cn_bad")
    static class NoConstructorItem {
        @PrimaryKey Integer id;
        @Convert(NoDefaultConstructor.class) Money price;
    }

    @Entity(table = "cn_bad")
    static class UnsupportedItem {
        @PrimaryKey Integer id;
        @Convert(UnsupportedDatabaseType.class) Money price;
    }

    @Entity(table = "cn_item")
    static class FailingItem {
        @PrimaryKey Integer id;
        @Convert(FailingConverter.class) Money price;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Item.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("cn_item");
    }

    @Override
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(SchemaCheck.VALIDATE, true);
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return List.of("CREATE TABLE cn_item (id INT NOT NULL PRIMARY KEY, price BIGINT NOT NULL, labels VARCHAR(200) NULL)");
    }

    private static Item item(int id, long cents, String... labels) {
        Item item = new Item();
        item.id = id;
        item.price = new Money(cents);
        item.labels = labels.length == 0 ? null : new ArrayList<>(List.of(labels));
        return item;
    }

    private void save(Item... items) {
        await(db.session(s -> Mono.fromRunnable(() -> List.of(items).forEach(s::add))));
    }

    @Test
    void theColumnHoldsTheConvertedValueAndReadsBackAsTheJavaValue() {
        save(item(1, 250, "red", "big"), item(2, 990));

        List<Map<String, Object>> raw = await(db.selectRaw("SELECT price, labels FROM cn_item ORDER BY id"));
        assertThat(((Number) value(raw.get(0), "price")).longValue()).isEqualTo(250L);
        assertThat(value(raw.get(0), "labels")).isEqualTo("red,big");
        assertThat(value(raw.get(1), "labels")).isNull();

        List<Item> all = await(db.aselect(Item.class).orderBy(ConverterTest_Item_.id.asc()).fetchAll());
        assertThat(all).extracting(i -> i.price).containsExactly(new Money(250), new Money(990));
        assertThat(all.get(0).labels).containsExactly("red", "big");
        assertThat(all.get(1).labels).isNull();
    }

    @Test
    void conditionsBindTheConvertedValue() {
        save(item(1, 250), item(2, 990), item(3, 100));

        assertThat(await(db.aselect(Item.class).filter(ConverterTest_Item_.price.eq(new Money(990))).fetchAll()))
                .extracting(i -> i.id).containsExactly(2);
        assertThat(await(db.aselect(Item.class).filter(ConverterTest_Item_.price.in(List.of(new Money(100), new Money(250))))
                .orderBy(ConverterTest_Item_.id.asc()).fetchAll())).extracting(i -> i.id).containsExactly(1, 3);
        Money wanted = new Money(100);
        assertThat(await(db.aselect(Item.class).where(i -> i.price.equals(wanted)).fetchAll()))
                .extracting(i -> i.id).containsExactly(3);
    }

    @Test
    void minAndMaxReadTheJavaValue() {
        save(item(1, 250), item(2, 990), item(3, 100));

        assertThat(await(db.aselect(Item.class).max("price"))).isEqualTo(new Money(990));
        assertThat(await(db.aselect(Item.class).min("price"))).isEqualTo(new Money(100));
    }

    @Test
    void aChangedValueIsWrittenAndAnEqualOneIsNot() {
        save(item(1, 250, "a"));
        List<String> statements = new CopyOnWriteArrayList<>();
        io.nextorm.spi.StatementListener listener = info -> statements.add(info.sql());
        db.addStatementListener(listener);
        try {
            await(db.session(s -> db.aselect(Item.class).filter(ConverterTest_Item_.id.eq(1)).getOrRaise()
                    .doOnNext(i -> {
                        i.price = new Money(250);
                        i.labels = new ArrayList<>(List.of("a"));
                    })));
            assertThat(statements).noneMatch(sql -> sql.startsWith("UPDATE"));

            await(db.session(s -> db.aselect(Item.class).filter(ConverterTest_Item_.id.eq(1)).getOrRaise()
                    .doOnNext(i -> i.price = new Money(300))));
            assertThat(statements).anyMatch(sql -> sql.startsWith("UPDATE"));
        } finally {
            db.removeStatementListener(listener);
        }
        Item loaded = await(db.aselect(Item.class).filter(ConverterTest_Item_.id.eq(1)).getOrRaise());
        assertThat(loaded.price).isEqualTo(new Money(300));
        assertThat(loaded.labels).containsExactly("a");
    }

    @Test
    void aBulkUpdateBindsTheConvertedValue() {
        save(item(1, 250), item(2, 990));

        await(db.aselect(Item.class).filter(ConverterTest_Item_.price.eq(new Money(250)))
                .update(Map.of("price", new Money(260))));

        assertThat(await(db.aselect(Item.class).filter(ConverterTest_Item_.price.eq(new Money(260))).fetchAll()))
                .extracting(i -> i.id).containsExactly(1);
    }

    @Test
    void rawQueriesAndProjectionsReadTheJavaValue() {
        save(item(1, 250, "x", "y"));

        Item raw = await(db.aselect(Item.class).rawOne("SELECT * FROM cn_item WHERE price = ?",
                List.of(250L)));
        assertThat(raw.price).isEqualTo(new Money(250));
        assertThat(raw.labels).containsExactly("x", "y");

        List<io.nextorm.Tuple> rows = await(db.select(ConverterTest_Item_.id, ConverterTest_Item_.price).fetchAll());
        assertThat(rows.get(0).get(1)).isEqualTo(new Money(250));
    }

    @Test
    void theSchemaCheckComparesTheColumnWithTheDatabaseType() {
        AsyncDatabase other = createTables(target, List.of(ItemWithTextPrice.class));
        try {
            assertThatThrownBy(() -> await(other.generateMapping(SchemaCheck.VALIDATE, true)))
                    .isInstanceOf(MappingException.class)
                    .hasMessageContaining("ItemWithTextPrice.labels").hasMessageContaining("is a Long");
        } finally {
            await(other.close());
        }
    }

    @Test
    void aConverterWithoutANoArgumentConstructorIsAMappingError() {
        assertThatThrownBy(() -> Mapping.build(List.of(NoConstructorItem.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("NoConstructorItem.price").hasMessageContaining("public no-argument constructor");
    }

    @Test
    void aConverterToAnUnsupportedTypeIsAMappingError() {
        assertThatThrownBy(() -> Mapping.build(List.of(UnsupportedItem.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("UnsupportedItem.price").hasMessageContaining("java.lang.StringBuilder")
                .hasMessageContaining("no column type");
    }

    @Test
    void aConverterThatThrowsIsReportedWithTheField() {
        AsyncDatabase other = createTables(target, List.of(FailingItem.class));
        try {
            await(other.generateMapping(SchemaCheck.NONE, true));
            FailingItem item = new FailingItem();
            item.id = 1;
            item.price = new Money(-5);
            assertThatThrownBy(() -> await(other.session(s -> Mono.fromRunnable(() -> s.add(item)))))
                    .hasStackTraceContaining("FailingItem.price").hasStackTraceContaining("FailingConverter")
                    .hasStackTraceContaining("negative money -5");
        } finally {
            await(other.close());
        }
    }

    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column)).findFirst().orElseThrow().getValue();
    }
}
