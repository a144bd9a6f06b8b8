/**
 * Micrometer Observations of nextorm's statements: one {@code nextorm.query} observation (a span
 * with tracing) per statement.
 */
package io.nextorm.spring.observation;
