package org.readiness.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The service's one clock: the time a write is stamped with, and the month a period may not be after. Inject
 * {@link Clock} rather than calling {@code now()}, so that tests can set the time (they replace this bean).
 */
@ApplicationScoped
public class ServiceClock {

    /** Periods are Scottish months and days: the current month begins and ends in UK time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ZONE);
    }
}
