package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A UNIQUE constraint. On the entity class it spans the fields named in {@link #value()} (a composite
 * key); on a field it is the same as {@code @Column(unique = true)}.
 *
 * <pre>{@code
 * @Entity
 * @Unique({"author", "slug"})
 * public class Article { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.TYPE})
@Repeatable(Uniques.class)
public @interface Unique {

    /**
     * The field names that are unique together; only on a class.
     *
     * @return the fields
     */
    String[] value() default {};

    /**
     * The constraint name; empty for {@code uq_<table>_<columns>}.
     *
     * @return the constraint name, or empty
     */
    String name() default "";
}
