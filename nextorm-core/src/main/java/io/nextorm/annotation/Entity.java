package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a persistent entity, stored in one table.
 *
 * <pre>{@code
 * @Entity
 * public class Article {
 *     @PrimaryKey Long id;
 *     String title;
 * }
 * }</pre>
 *
 * The table is named after the class in snake_case ({@code BlogPost} becomes {@code blog_post})
 * unless {@link #table()} names it. The class needs a no-argument constructor; its fields are read
 * and written directly, or through getters and setters where they exist.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {

    /**
     * The table name; empty for the snake_case form of the class name.
     *
     * @return the table name, or empty
     */
    String table() default "";
}
