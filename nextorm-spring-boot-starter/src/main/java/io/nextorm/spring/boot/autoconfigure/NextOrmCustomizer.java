package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;

/**
 * A hook on the auto-configured {@link AsyncDatabase}, applied before it is bound and mapped: every
 * bean of this type is called, in {@code @Order}, with the new database.
 *
 * <pre>{@code
 * @Bean
 * NextOrmCustomizer auditing(AuditListener listener) {
 *     return db -> db.addStatementListener(listener);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface NextOrmCustomizer {

    /**
     * Customizes the database: register entities, add listeners, set a transaction support.
     *
     * @param db the database, not bound yet
     */
    void customize(AsyncDatabase db);
}
