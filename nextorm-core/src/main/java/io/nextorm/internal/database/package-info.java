/**
 * The machinery behind {@link io.nextorm.AsyncDatabase} and {@link io.nextorm.AsyncQuerySet}: the
 * database's binding and its lasting settings, schema creation, and a query set's terminal
 * operations. Internal: may change at any release.
 */
package io.nextorm.internal.database;
