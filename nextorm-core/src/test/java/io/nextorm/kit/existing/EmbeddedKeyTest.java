package io.nextorm.kit.existing;

import io.nextorm.MappingException;
import io.nextorm.annotation.Column;
import io.nextorm.annotation.Embeddable;
import io.nextorm.annotation.Entity;
import io.nextorm.annotation.PrimaryKey;
import io.nextorm.internal.mapping.Mapping;
import io.nextorm.testkit.ExistingSchemaKit;
import io.nextorm.testkit.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An {@code @Embeddable} record as the primary key, over a table made by hand: its components are the
 * key columns (one renamed with {@code @Column}), the field holds the record.
 */
class EmbeddedKeyTest extends ExistingSchemaKit {

    @Embeddable
    record OrderLineId(long orderId, @Column(name = "line") int lineNo) {
    }

    @Entity(table = "ck_order_line")
    static class OrderLine {
        @PrimaryKey OrderLineId id;
        String product;
        int quantity;

        OrderLine() {
        }

        OrderLine(OrderLineId id, String product, int quantity) {
            this.id = id;
            this.product = product;
            this.quantity = quantity;
        }
    }

    @Override
    protected List<Class<?>> entities() {
        return List.of(OrderLine.class);
    }

    @Override
    protected List<String> tables() {
        return List.of("ck_order_line");
    }

    @Override
    protected List<String> ddl(TestDatabase database) {
        return List.of("CREATE TABLE ck_order_line (order_id BIGINT NOT NULL, line INT NOT NULL,"
                + " product VARCHAR(40) NOT NULL, quantity INT NOT NULL, PRIMARY KEY (order_id, line))");
    }

    private void lines() {
        await(db.session(s -> Mono.fromRunnable(() -> {
            s.add(new OrderLine(new OrderLineId(7, 1), "tea", 2));
            s.add(new OrderLine(new OrderLineId(7, 2), "cake", 1));
            s.add(new OrderLine(new OrderLineId(8, 1), "tea", 5));
        })));
    }

    @Test
    void theRecordsComponentsAreTheKeyColumns() {
        lines();

        assertThat(await(db.selectRaw("SELECT order_id, line, product FROM ck_order_line ORDER BY order_id, line")))
                .extracting(r -> ((Number) r.get("order_id")).longValue() + "/" + ((Number) r.get("line")).intValue()
                        + "/" + r.get("product")).containsExactly("7/1/tea", "7/2/cake", "8/1/tea");
        OrderLine cake = await(db.getByKey(OrderLine.class, new OrderLineId(7, 2)));
        assertThat(cake.id).isEqualTo(new OrderLineId(7, 2));
        assertThat(cake.product).isEqualTo("cake");
        assertThat(await(db.aselect(OrderLine.class).filter(EmbeddedKeyTest_OrderLine_.id.eq(new OrderLineId(8, 1)))
                .getOrRaise()).quantity).isEqualTo(5);
        assertThat(await(db.aselect(OrderLine.class).filter(EmbeddedKeyTest_OrderLine_.id.ne(new OrderLineId(8, 1)))
                .count())).isEqualTo(2L);
        assertThat(db.schema().get("ck_order_line").primaryKey()).containsExactly("order_id", "line");
    }

    @Test
    void theIdentityMapKnowsTheRecordAndWritesGoByEveryColumn() {
        lines();

        List<OrderLine> same = await(db.session(s -> db.getByKey(OrderLine.class, new OrderLineId(7, 1))
                .zipWith(db.aselect(OrderLine.class).filter(EmbeddedKeyTest_OrderLine_.id.eq(new OrderLineId(7, 1))).getOrRaise())
                .map(pair -> {
                    pair.getT1().quantity = 3;
                    return List.of(pair.getT1(), pair.getT2());
                })));
        assertThat(same.get(0)).isSameAs(same.get(1));
        await(db.adeleteInstance(await(db.getByKey(OrderLine.class, new OrderLineId(8, 1)))));
        List<Map<String, Object>> rows = await(db.selectRaw("SELECT quantity FROM ck_order_line ORDER BY order_id, line"));
        assertThat(rows).extracting(r -> ((Number) r.get("quantity")).intValue()).containsExactly(3, 1);
        assertThat(await(db.aselect(OrderLine.class).raw("SELECT * FROM ck_order_line WHERE line = ?", List.of(2))))
                .extracting(l -> l.id).containsExactly(new OrderLineId(7, 2));
    }

    @Test
    void anUnsetKeyRecordIsRefused() {
        assertThatThrownBy(() -> await(db.ainsert(new OrderLine(null, "x", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OrderLine")
                .hasMessageContaining("misses id.orderId");
    }

    @Embeddable
    record Nested(OrderLineId inner, int more) {
    }

    @Entity(table = "ck_bad_nested")
    static class NestedKey {
        @PrimaryKey Nested id;
    }

    @Entity(table = "ck_bad_target")
    static class Target {
        @PrimaryKey Integer id;
    }

    @Embeddable
    record WithReference(Target target, int no) {
    }

    @Entity(table = "ck_bad_reference")
    static class ReferenceKey {
        @PrimaryKey WithReference id;
    }

    @Entity(table = "ck_bad_both")
    static class Both {
        @PrimaryKey OrderLineId id;
        @PrimaryKey int extra;
    }

    @Test
    void unsupportedKeyRecordsAreMappingErrorsNamingTheFix() {
        assertThatThrownBy(() -> Mapping.build(List.of(NestedKey.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("NestedKey.id").hasMessageContaining("nested record");
        assertThatThrownBy(() -> Mapping.build(List.of(Target.class, ReferenceKey.class), true))
                .isInstanceOf(MappingException.class).hasMessageContaining("ReferenceKey.id")
                .hasMessageContaining("several @PrimaryKey fields");
        assertThatThrownBy(() -> Mapping.build(List.of(Both.class), true)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Both.id").hasMessageContaining("not both");
    }
}
