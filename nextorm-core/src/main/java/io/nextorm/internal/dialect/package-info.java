/**
 * The {@link io.nextorm.spi.DialectProvider}s of the databases nextorm ships with, registered in
 * {@code META-INF/services/io.nextorm.spi.DialectProvider}. Internal: may change at any release.
 */
package io.nextorm.internal.dialect;
