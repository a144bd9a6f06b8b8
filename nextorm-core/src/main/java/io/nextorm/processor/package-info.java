/**
 * The annotation processor that runs when an application compiles its entities, and the index it
 * leaves behind.
 *
 * <p>{@link io.nextorm.processor.EntityProcessor} generates a metamodel class {@code Article_} beside
 * every {@link io.nextorm.annotation.Entity @Entity} {@code Article}, with one typed attribute per
 * persistent field, and writes the entity index {@value io.nextorm.processor.EntityIndex#RESOURCE}
 * that {@link io.nextorm.processor.EntityIndex#read(ClassLoader)} reads back at run time, so that
 * entities are found without scanning the class path and without a static registry.
 */
package io.nextorm.processor;
