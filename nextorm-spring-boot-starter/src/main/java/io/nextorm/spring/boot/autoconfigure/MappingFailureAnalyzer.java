package io.nextorm.spring.boot.autoconfigure;

import io.nextorm.MappingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because nextorm could not map the entities: the description is
 * the {@link MappingException}'s message, which names the class and the field to fix.
 *
 * <pre>
 * Description:
 *
 * nextorm could not map the entities: com.example.Note has no primary key: annotate one field with @PrimaryKey
 *
 * Action:
 *
 * Fix the entity class named above. ...
 * </pre>
 */
public final class MappingFailureAnalyzer extends AbstractFailureAnalyzer<MappingException> {

    /**
     * Creates the analyzer; Spring Boot finds it through {@code META-INF/spring.factories}.
     */
    public MappingFailureAnalyzer() {
    }

    /**
     * Describes the mapping failure and what to do about it.
     *
     * @param rootFailure the failure that stopped the application
     * @param cause the mapping failure inside it
     * @return the analysis
     */
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MappingException cause) {
        return new FailureAnalysis("nextorm could not map the entities: " + cause.getMessage(),
                action(String.valueOf(cause.getMessage())), cause);
    }

    /**
     * What to do about a mapping failure, by its kind: a Set without (or with two) reverse sides,
     * a schema that does not match the entities, or anything else about an entity class.
     *
     * @param message the failure's message
     * @return the action
     */
    static String action(String message) {
        String text = message.toLowerCase(java.util.Locale.ROOT);
        if (text.contains("reverse side") || text.contains("reverse candidates")) {
            return "Give the Set relation named above exactly one reverse side: add the field the message names to "
                    + "the other entity (a reference back for one-to-many, a Set back for many-to-many), or, where two "
                    + "fields could be the reverse, annotate the Set with @Reverse(\"field\") to pick one.";
        }
        if (text.contains("table") || text.contains("column") || text.contains("schema")) {
            return "Make the database's schema match the entities: run your migrations (Flyway, Liquibase and "
                    + "spring.sql.init run before nextorm's check), let nextorm create the missing tables "
                    + "(set nextorm.schema=create), or fix the entity field named above to match its column; "
                    + "to start without checking the schema at all, set nextorm.schema=none.";
        }
        return "Fix the entity class named above (every @Entity needs a @PrimaryKey field and supported field types). "
                + "Check that nextorm.entity-packages (by default the application's package) holds only the entities "
                + "you mean to map.";
    }
}
