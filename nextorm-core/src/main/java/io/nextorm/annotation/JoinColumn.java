package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the foreign-key column of a reference field, for a table that already exists. Without it the
 * column is {@code <field>_<key column of the target>} in snake_case.
 *
 * <pre>{@code
 * @JoinColumn(name = "country_id") Country country;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JoinColumn {

    /**
     * The foreign-key column name.
     *
     * @return the column name
     */
    String name();
}
