package io.nextorm.annotation;

import io.nextorm.spi.AttributeConverter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a field of any type through an {@link AttributeConverter}: the column holds the converter's
 * database type, and every value written, compared or read passes through the converter.
 *
 * <pre>{@code
 * @Convert(MoneyConverter.class) Money price;   // a BIGINT column of cents
 * }</pre>
 *
 * The converter needs a public no-argument constructor; it is made once per field when the mapping is
 * built, and called from any thread (keep it stateless).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Convert {

    /**
     * The converter class.
     *
     * @return the converter
     */
    Class<? extends AttributeConverter<?, ?>> value();
}
