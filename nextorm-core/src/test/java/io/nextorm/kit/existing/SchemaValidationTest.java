package io.nextorm.kit.existing;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.SchemaCheck;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.JoinColumn;
import io.nextorm.annotation.Nullable;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.SchemaCleaner;
import io.nextorm.testkit.TestDatabase;
import io.nextorm.testkit.model.Article;
import io.nextorm.testkit.model.Author;
import io.nextorm.testkit.model.Order;
import io.nextorm.testkit.model.Sample;
import io.nextorm.testkit.model.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code generateMapping(SchemaCheck, ...)}: the mapping checked against the database's catalog. */
class SchemaValidationTest extends ExistingSchemaKit {

    @Entity(table = "v_shop")
    static class Shop {
        @PrimaryKey Integer shopId;
        String name;
        @Nullable Integer rating;
        LocalDate opened;
        Set<Item> items;
    }

    @Entity(table = "v_item")
    static class Item {
        @PrimaryKey Integer itemId;
        @JoinColumn(name = "shop_id") Shop shop;
        String label;
        @Nullable BigDecimal price;
    }

    @Entity(table = "v_shop")
    static class BadShop {
        @PrimaryKey Integer shopId;
        @Nullable String name;
        int rating;
        Boolean opened;
        String motto;
        Set<Missing> missings;
    }

    @Entity(table = "v_missing")
    static class Missing {
        @PrimaryKey Integer id;
        Set<BadShop> shops;
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(Shop.class, Item.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("v_item", "v_shop");
    }

    @Override
    protected Mono<Void> map(AsyncDatabase database) {
        return database.generateMapping(SchemaCheck.VALIDATE, true);
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        String id = generatedKey(database);
        return List.of(
                "CREATE TABLE v_shop (shop_id " + id + ", name VARCHAR(40) NOT NULL, rating INT NULL, opened DATE NOT NULL)",
                "CREATE TABLE v_item (item_id " + id + ", shop_id INT NOT NULL REFERENCES v_shop (shop_id),"
                        + " label VARCHAR(20) NOT NULL, price NUMERIC(10, 2) NULL)");
    }

    /** A new database of an embedded kind (H2, SQLite), or the server's shared one. */
    private String freshUrl() {
        return target == TestDatabase.H2 ? "mem:validation" + System.nanoTime() : target.url();
    }

    @Test
    void aMatchingSchemaValidatesAndIsUsable() {
        Shop shop = new Shop();
        shop.name = "corner";
        shop.opened = LocalDate.of(2020, 1, 2);
        Item item = new Item();
        item.shop = shop;
        item.label = "tea";
        await(db.session(s -> Mono.fromRunnable(() -> s.add(item))));

        List<Map<String, Object>> rows = await(db.selectRaw("SELECT label FROM v_item WHERE shop_id = ?", shop.shopId));
        assertThat(rows).extracting(r -> r.get("label")).containsExactly("tea");
    }

    @Test
    void oneErrorListsEveryMismatchWithTheFieldAndTheFix() {
        AsyncDatabase bad = new AsyncDatabase(List.of(BadShop.class, Missing.class));
        try {
            bad.bind(target.provider(), target.hasServer() ? target.url() : freshUrl(), Map.of()).block(TIMEOUT);
            if (!target.hasServer()) {
                reactor.core.publisher.Flux.fromIterable(ddl(target)).concatMap(bad::execute).then().block(TIMEOUT);
            }
            assertThatThrownBy(() -> bad.generateMapping(SchemaCheck.VALIDATE, true).block(TIMEOUT))
                    .isInstanceOf(MappingException.class)
                    .hasMessageContaining("6 problems")
                    .hasMessageContaining("missing table 'v_missing' (entity Missing)")
                    .hasMessageContaining("missing table 'v_shop_missings' (the link table of BadShop.missings)")
                    .hasMessageContaining("missing column 'v_shop.motto' for the field BadShop.motto")
                    .hasMessageContaining("@Column(name = \"...\")")
                    .hasMessageContaining("column 'v_shop.name' is NOT NULL but the field BadShop.name is @Nullable")
                    .hasMessageContaining("column 'v_shop.rating' accepts NULL but the field BadShop.rating is a primitive")
                    .hasMessageContaining("use the boxed type")
                    .hasMessageContaining("type: column 'v_shop.opened' is ")
                    .hasMessageContaining("the field BadShop.opened is a Boolean")
                    .hasMessageContaining("SchemaCheck.CREATE");
        } finally {
            bad.close().block(TIMEOUT);
        }
    }

    @Test
    void tablesCreatedByNextormValidate() {
        List<Class<?>> kit = List.of(Author.class, Article.class, Tag.class, Sample.class, Order.class);
        AsyncDatabase created = new AsyncDatabase(kit);
        try {
            String url = target.hasServer() ? target.url() : freshUrl();
            created.bind(target.provider(), url, Map.of()).block(TIMEOUT);
            SchemaCleaner.dropTables(created, kit).block(TIMEOUT);

            created.generateMapping(SchemaCheck.CREATE, true).block(TIMEOUT);

            assertThat(created.schema()).containsKeys("article", "sample");
            if (target != TestDatabase.SQLITE_MEMORY) {
                AsyncDatabase again = new AsyncDatabase(kit);
                again.bind(target.provider(), url, Map.of()).block(TIMEOUT);
                again.generateMapping(SchemaCheck.VALIDATE, true).block(TIMEOUT);
                again.close().block(TIMEOUT);
            }
        } finally {
            created.close().block(TIMEOUT);
        }
    }

    @Test
    void aSchemaCheckNeedsABoundDatabaseAndAValue() {
        AsyncDatabase unbound = new AsyncDatabase(entities());
        assertThatThrownBy(() -> unbound.generateMapping(SchemaCheck.VALIDATE, true).block(TIMEOUT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bind() first");
        assertThatThrownBy(() -> unbound.generateMapping((SchemaCheck) null, true).block(TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SchemaCheck.VALIDATE");
        unbound.generateMapping(SchemaCheck.NONE, true).block(TIMEOUT);
        assertThat(unbound.schema()).containsKey("v_shop");
    }
}
