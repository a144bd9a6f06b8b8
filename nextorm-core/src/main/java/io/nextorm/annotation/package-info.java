/**
 * The annotations that map a class to a table: {@link io.nextorm.annotation.Entity},
 * {@link io.nextorm.annotation.PrimaryKey}, {@link io.nextorm.annotation.Nullable},
 * {@link io.nextorm.annotation.Column}, {@link io.nextorm.annotation.Index},
 * {@link io.nextorm.annotation.Unique} and {@link io.nextorm.annotation.Version}.
 */
package io.nextorm.annotation;
