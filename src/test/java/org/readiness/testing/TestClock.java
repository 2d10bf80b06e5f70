package org.readiness.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.readiness.config.ServiceClock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The service's clock in tests: the system's, until a test sets it to a fixed instant (inject it, {@link #set},
 * and {@link #reset} when done). It replaces the clock of {@link ServiceClock} for every @QuarkusTest.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    public void set(Instant instant) {
        fixed = instant;
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ServiceClock.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
