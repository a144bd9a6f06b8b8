package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record that is the composite primary key of an entity: the entity has one
 * {@code @PrimaryKey} field of the record's type, and each record component is a key column, in
 * component order (snake_case of the component name, or {@code @Column(name = "...")} on the
 * component). Components are plain column types; a nested record or a reference to an entity is
 * refused. The field holds the record; {@code db.getByKey(OrderLine.class, new OrderLineId(7, 1))}
 * finds an object by it and {@code OrderLine_.id.eq(key)} compares every key column.
 *
 * <pre>{@code
 * @Embeddable record OrderLineId(long orderId, @Column(name = "line") int lineNo) {}
 *
 * @Entity(table = "order_line")
 * class OrderLine {
 *     @PrimaryKey OrderLineId id;
 *     String product;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Embeddable {
}
