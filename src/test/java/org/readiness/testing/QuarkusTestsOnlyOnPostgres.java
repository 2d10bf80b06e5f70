package org.readiness.testing;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

import java.util.Arrays;

/**
 * In the PostgreSQL run of the suite, leaves out test classes that start no Quarkus application (they never
 * touch the database and have run already on H2) and those marked {@link H2Only}. They are filtered out before execution rather than
 * skipped, so the run reports only what it ran. In the H2 run this filter keeps everything. Annotations are
 * compared by name because Quarkus loads test classes in its own class loader.
 */
public class QuarkusTestsOnlyOnPostgres implements PostDiscoveryFilter {

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!TestDatabase.postgres()) {
            return FilterResult.included("the H2 run runs every test");
        }
        Class<?> test = testClass(descriptor.getSource().orElse(null));
        if (test == null) {
            return FilterResult.included("not a test class");
        }
        while (test.getEnclosingClass() != null) {
            test = test.getEnclosingClass();
        }
        boolean quarkus = Arrays.stream(test.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().startsWith("io.quarkus.test.junit.Quarkus"));
        boolean h2Only = Arrays.stream(test.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(H2Only.class.getName()));
        if (h2Only) {
            return FilterResult.excluded("a test of the embedded H2 default");
        }
        if (Arrays.stream(test.getAnnotations()).anyMatch(a -> a.annotationType().getName().equals(PostgresToo.class.getName()))) {
            return FilterResult.included("marked to run on PostgreSQL too");
        }
        return quarkus ? FilterResult.included("a Quarkus test")
                : FilterResult.excluded("plain JUnit test: no database, it runs in the H2 run only");
    }

    private static Class<?> testClass(TestSource source) {
        if (source instanceof ClassSource c) {
            return c.getJavaClass();
        }
        if (source instanceof MethodSource m) {
            return m.getJavaClass();
        }
        return null;
    }
}
