package io.nextorm.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed before the entities were mapped: no entities found, a database
 * nextorm has no dialect for, a database that could not be reached.
 */
public final class StartupFailureAnalyzer extends AbstractFailureAnalyzer<NextOrmStartupException> {

    /**
     * Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}.
     */
    public StartupFailureAnalyzer() {
    }

    /**
     * Describes the failure and what to do about it.
     *
     * @param rootFailure the failure that stopped the application
     * @param cause the startup failure inside it
     * @return the analysis
     */
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NextOrmStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), action(cause.reason()), cause);
    }

    private static String action(NextOrmStartupException.Reason reason) {
        return switch (reason) {
            case NO_ENTITIES -> "Check nextorm.entity-packages (by default the package of the @SpringBootApplication "
                    + "class) for typos, and that nextorm's annotation processor ran: it writes the entity index "
                    + "(META-INF/nextorm/entities). With Maven on JDK 23+ set <proc>full</proc> on the "
                    + "maven-compiler-plugin (or list nextorm-core in annotationProcessorPaths); with Gradle add "
                    + "annotationProcessor(\"io.nextorm:nextorm-core\") to the dependencies. Set nextorm.enabled=false "
                    + "if the application should start without nextorm.";
            case UNSUPPORTED_DATABASE -> "Point spring.r2dbc.url at a database nextorm supports (H2, PostgreSQL, "
                    + "MariaDB/MySQL), or add a DialectProvider for yours (io.nextorm.spi.DialectProvider, registered "
                    + "in META-INF/services).";
            case UNREACHABLE_DATABASE -> "Check that the database is running and that spring.r2dbc.url, "
                    + "spring.r2dbc.username and spring.r2dbc.password are right; raise nextorm.startup-timeout if it "
                    + "starts slowly.";
        };
    }
}
