/**
 * nextorm's transaction SPI over Spring's reactive transactions: {@link SpringTransactionSupport}.
 */
package io.nextorm.spring.transaction;
