package org.readiness.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who did something and when. Times are cut to microseconds, the precision both databases store, so a
 * value read back equals the value written.
 */
public record Stamp(String by, Instant at) {

    public Stamp {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    public static Stamp of(String by, Instant at) {
        return new Stamp(by, at);
    }
}
