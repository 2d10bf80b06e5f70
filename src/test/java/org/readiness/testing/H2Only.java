package org.readiness.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Quarkus test of the embedded H2 default itself (its file under readiness.data-dir), which has no meaning
 * in the PostgreSQL run; QuarkusTestsOnlyOnPostgres leaves it out there.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface H2Only {
}
