package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the foreign-key column of a reference field, for a table that already exists. Without it the
 * column is {@code <field>_<key column of the target>} in snake_case. A reference to an entity with a
 * composite key has one column per key column: name them in key order.
 *
 * <pre>{@code
 * @JoinColumn(name = "country_id") Country country;
 * @JoinColumn(name = {"edition_code", "edition_year"}) Edition edition; // Edition's key: (code, year)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JoinColumn {

    /**
     * The foreign-key column name; for a reference to a composite-keyed entity, one name per key
     * column, in key order.
     *
     * @return the column names
     */
    String[] name();
}
