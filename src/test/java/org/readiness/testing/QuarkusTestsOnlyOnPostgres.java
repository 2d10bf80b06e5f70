package org.readiness.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Arrays;

/**
 * In the PostgreSQL run of the suite, skips test classes that start no Quarkus application: they never touch
 * the database and have run already on H2. Loaded only there (surefire execution "postgresql" turns on
 * extension auto-detection). Annotations are compared by name because Quarkus loads test classes in its
 * own class loader.
 */
public class QuarkusTestsOnlyOnPostgres implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabase.postgres() || context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("not the PostgreSQL run");
        }
        Class<?> outer = context.getTestClass().get();
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        boolean quarkus = Arrays.stream(outer.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().startsWith("io.quarkus.test.junit.Quarkus"));
        return quarkus ? ConditionEvaluationResult.enabled("a Quarkus test")
                : ConditionEvaluationResult.disabled("plain JUnit test: no database, it runs in the H2 run only");
    }
}
