package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column details of a field. Every attribute is optional.
 *
 * <pre>{@code
 * @Column(name = "url_slug", length = 80, unique = true) String slug;
 * @Column(precision = 10, scale = 2, sqlDefault = "0") BigDecimal price;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {

    /**
     * The column name; empty for the snake_case form of the field name.
     *
     * @return the column name, or empty
     */
    String name() default "";

    /**
     * The maximum length of a {@code String} column. 0 (the default) means 255 for a plain
     * {@code String} and an unbounded text type for a {@code Lazy<String>}; a negative value always
     * means an unbounded text type.
     *
     * @return the maximum length
     */
    int length() default 0;

    /**
     * Whether the column carries a UNIQUE constraint of its own.
     *
     * @return true for a unique column
     */
    boolean unique() default false;

    /**
     * An SQL expression used as the column's DEFAULT in the DDL, written as is (for example
     * {@code "0"} or {@code "'draft'"}); empty for none.
     *
     * @return the default expression, or empty
     */
    String sqlDefault() default "";

    /**
     * The precision of a {@code BigDecimal} column.
     *
     * @return the total number of digits
     */
    int precision() default 19;

    /**
     * The scale of a {@code BigDecimal} column.
     *
     * @return the number of digits after the decimal point
     */
    int scale() default 2;
}
