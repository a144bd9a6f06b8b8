package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.AsyncDatabase;
import io.nextorm.MappingException;
import io.nextorm.SchemaCheck;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Starts the auto-configured database: checks that there are entities, binds to the connection
 * factory (which picks the dialect), reaches the database once, maps the entities (validating the
 * schema, creating missing tables first or checking nothing, as {@code nextorm.schema} says), and logs what was mapped; all within
 * {@code nextorm.startup-timeout}, so that a down database stops the application with a clear
 * failure instead of hanging it or surfacing at its first request.
 */
final class DatabaseStartup {

    private static final Log LOG = LogFactory.getLog(NextOrmAutoConfiguration.class);

    private DatabaseStartup() {
    }

    /**
     * Refuses an empty entity list.
     *
     * @param entities the entities found
     * @param packages the packages searched
     * @throws NextOrmStartupException when there are none
     */
    static void requireEntities(List<Class<?>> entities, Collection<String> packages) {
        if (entities.isEmpty()) {
            throw new NextOrmStartupException(NextOrmStartupException.Reason.NO_ENTITIES,
                    "nextorm found no @Entity classes in " + (packages.isEmpty() ? "the entity index"
                            : "the packages " + packages) + " (nextorm.entity-packages)", null);
        }
    }

    /**
     * Binds, checks and maps the database, waiting at most the timeout.
     *
     * @param db the database, customized
     * @param connectionFactory the application's connection factory
     * @param properties the settings
     */
    static void start(AsyncDatabase db, ConnectionFactory connectionFactory, NextOrmProperties properties) {
        Duration timeout = properties.getStartupTimeout();
        SchemaCheck schemaCheck = properties.schemaCheck();
        String database = String.valueOf(connectionFactory.getMetadata().getName());
        Mono.defer(() -> db.bind(connectionFactory))
                .onErrorMap(IllegalArgumentException.class, error -> new NextOrmStartupException(
                        NextOrmStartupException.Reason.UNSUPPORTED_DATABASE, error.getMessage(), error))
                .then(Mono.defer(() -> reach(connectionFactory, database)))
                .then(Mono.defer(() -> db.generateMapping(schemaCheck, properties.isValidateRelations())))
                .timeout(timeout)
                .onErrorMap(TimeoutException.class, error -> new NextOrmStartupException(
                        NextOrmStartupException.Reason.UNREACHABLE_DATABASE, "nextorm could not reach the " + database
                        + " database and map the entities within nextorm.startup-timeout (" + timeout + ")", error))
                .onErrorResume(error -> Mono.defer(() -> db.isBound() ? db.close() : Mono.empty())
                        .onErrorResume(closeError -> Mono.empty())
                        .then(Mono.error(error)))
                .block();
        LOG.info("nextorm mapped " + db.entities().size() + " entities " + db.entities().keySet() + " on "
                + database + " with " + db.dialect().getClass().getSimpleName()
                + switch (schemaCheck) {
                    case CREATE -> " (missing tables created, schema validated)";
                    case VALIDATE -> " (schema validated)";
                    case NONE -> " (schema not checked: nextorm.schema=none)";
                });
    }

    private static Mono<Void> reach(ConnectionFactory connectionFactory, String database) {
        return Mono.usingWhen(connectionFactory.create(),
                        connection -> Mono.from(connection.validate(ValidationDepth.REMOTE)),
                        Connection::close)
                .onErrorMap(error -> !(error instanceof MappingException), error -> new NextOrmStartupException(
                        NextOrmStartupException.Reason.UNREACHABLE_DATABASE, "nextorm could not reach the " + database
                        + " database: " + error.getMessage(), error))
                .flatMap(valid -> valid ? Mono.<Void>empty() : Mono.error(new NextOrmStartupException(
                        NextOrmStartupException.Reason.UNREACHABLE_DATABASE, "nextorm could not reach the "
                        + database + " database: its connection did not validate", null)));
    }
}
