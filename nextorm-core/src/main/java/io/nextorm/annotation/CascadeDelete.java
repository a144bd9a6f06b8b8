package io.nextorm.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a one-to-many {@code Set<T>} field, as PonyORM's {@code Set(..., cascade_delete=True)}: a member
 * removed from the set, whose reference back to the owner is required (not {@link Nullable}), is
 * deleted at the next flush. Without it such a removal fails the flush with a message saying what
 * to do. A member whose back-reference is {@link Nullable} is unlinked (set to NULL) either way.
 *
 * <pre>{@code
 * @CascadeDelete
 * public Set<Line> lines;      // order.lines.remove(line) deletes the line at flush
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CascadeDelete {
}
