/**
 * What a user or an integration plugs into nextorm: the transaction SPI
 * ({@link io.nextorm.spi.TransactionSupport}), listeners of sessions and statements (the latter
 * told an immutable {@link io.nextorm.spi.StatementInfo}), and the dialect lookup
 * ({@link io.nextorm.spi.DialectProvider}, found with {@link java.util.ServiceLoader}).
 * Parameters and results are not null unless marked {@code @Nullable}.
 */
@NullMarked
package io.nextorm.spi;

import org.jspecify.annotations.NullMarked;
