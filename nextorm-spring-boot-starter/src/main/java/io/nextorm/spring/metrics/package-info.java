/**
 * nextorm's query statistics and sessions as Micrometer meters: {@link NextOrmMetrics}.
 */
package io.nextorm.spring.metrics;
