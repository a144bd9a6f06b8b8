package io.nextorm.sample;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * Runs a test class on a database besides H2: skipped with the reason when it cannot be reached
 * (failed instead with {@code -Dnextorm.test.databases=required}); the sample's tables are dropped
 * before the application starts and after the class, so tables of other suites never clash.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnDatabase.Condition.class)
@interface OnDatabase {

    /** @return the database */
    SampleDatabase value();

    /** Evaluates {@link OnDatabase}; JUnit runs it before Spring starts the application. */
    final class Condition implements ExecutionCondition, AfterAllCallback {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<SampleDatabase> database = database(context);
            if (database.isEmpty() || context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("checked for the class");
            }
            String reason = database.get().unreachableReason();
            if (reason == null) {
                database.get().dropTables();
                return ConditionEvaluationResult.enabled(database.get() + " is reachable");
            }
            if (SampleDatabase.required()) {
                throw new IllegalStateException(reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            database(context).filter(database -> database.unreachableReason() == null)
                    .ifPresent(SampleDatabase::dropTables);
        }

        private static Optional<SampleDatabase> database(ExtensionContext context) {
            return context.getTestClass().map(type -> type.getAnnotation(OnDatabase.class)).map(OnDatabase::value);
        }
    }
}
