/**
 * The immutable query tree: {@link io.nextorm.query.Condition conditions},
 * {@link io.nextorm.query.Expression expressions}, {@link io.nextorm.query.OrderItem orderings},
 * {@link io.nextorm.query.Assignment assignments} and {@link io.nextorm.query.Join joins}, the parts a
 * query set's select spec (internal) is made of. Built by the metamodel attributes and the lambda translator; rendered by
 * {@code io.nextorm.internal.sql}. A leaf package: it depends on nothing else of nextorm.
 */
package io.nextorm.query;
