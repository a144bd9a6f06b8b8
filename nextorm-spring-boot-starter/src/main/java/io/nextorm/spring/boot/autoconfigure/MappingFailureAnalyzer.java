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
                "Fix the entity class named above (every @Entity needs one @PrimaryKey field, supported field types, "
                        + "and each Set relation exactly one reverse side). Check that nextorm.entity-packages "
                        + "(by default the application's package) holds only the entities you mean to map, or set "
                        + "nextorm.validate-relations=false to map Set relations that have no reverse side.",
                cause);
    }
}
