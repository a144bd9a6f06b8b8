package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the field of the other entity that is the reverse side of a {@code Set}, where the other
 * entity has more than one candidate (two references to this entity, for example).
 *
 * <pre>{@code
 * @Entity class Person {
 *     @Reverse("owner") Set<Car> ownedCars;
 *     @Reverse("driver") Set<Car> drivenCars;
 * }
 * @Entity class Car { Person owner; Person driver; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Reverse {

    /**
     * The name of the reverse field in the element entity.
     *
     * @return the field name
     */
    String value();
}
