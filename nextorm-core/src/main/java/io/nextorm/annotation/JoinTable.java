package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a many-to-many {@code Set} onto an existing link table: its name, the column that refers to
 * the entity declaring the field, and the column that refers to the set's element entity. Put it on
 * either side of the relation (not both); the other side uses the same table with the columns swapped.
 * The link table may have any primary key, including the pair of its two columns.
 *
 * <pre>{@code
 * @JoinTable(name = "film_actor", joinColumns = "film_id", inverseJoinColumns = "actor_id")
 * Set<Actor> actors;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface JoinTable {

    /**
     * The link table's name.
     *
     * @return the table name
     */
    String name();

    /**
     * The link table's column that refers to the entity declaring the field (one per key column, in key
     * order, for a composite key); empty for {@code <table>_<key column>} of that entity.
     *
     * @return the column names, or none for the default
     */
    String[] joinColumns() default {};

    /**
     * The link table's column that refers to the element entity of the set (one per key column, in key
     * order, for a composite key); empty for {@code <table>_<key column>} of that entity.
     *
     * @return the column names, or none for the default
     */
    String[] inverseJoinColumns() default {};
}
