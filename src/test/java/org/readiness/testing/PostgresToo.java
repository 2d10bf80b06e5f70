package org.readiness.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that QuarkusTestsOnlyOnPostgres keeps in the PostgreSQL run although it is no @QuarkusTest: a
 * @QuarkusMainTest of how the PostgreSQL build starts (the other main tests fail before any database is used and
 * run on H2 only).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PostgresToo {
}
