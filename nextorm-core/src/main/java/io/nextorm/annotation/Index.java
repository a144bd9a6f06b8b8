package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Creates a (non-unique) index. On a field it indexes that field's column; on the entity class it
 * indexes the fields named in {@link #value()}, in that order.
 *
 * <pre>{@code
 * @Entity
 * @Index({"author", "published"})
 * public class Article {
 *     @Index String title;
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Indexes.class)
public @interface Index {

    /**
     * The field names to index, in order; only on a class (a field indexes itself).
     *
     * @return the indexed fields
     */
    String[] value() default {};

    /**
     * The index name; empty for {@code idx_<table>_<columns>}.
     *
     * @return the index name, or empty
     */
    String name() default "";
}
