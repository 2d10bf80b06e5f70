package org.readiness.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The arithmetic of failed logins, in memory, with its own clock (tests pass a fixed one). Three counts:
 * <ul>
 * <li><b>one username from one address</b>: {@link Limits#maxFailures} failures are free; each further one locks
 * the pair for {@link Limits#lockout}, doubled per failure up to {@link Limits#maxLockout}. A success clears it;
 * without one, it is forgotten {@link Limits#forgetAfter} after its last failure.</li>
 * <li><b>one username from anywhere</b> and <b>one address for any username</b>: leaky buckets holding up to
 * {@link Limits#maxFailuresPerUser} / {@link Limits#maxFailuresPerAddress} failures, draining at that many per
 * {@link Limits#window}. While one is full, only a (username, address) pair that signed in successfully within
 * {@link Limits#remember} may try: so neither limit can lock real users out of the places they work from.</li>
 * </ul>
 * A refused attempt is not a failure: hammering a lock does not lengthen it.
 */
public final class LoginThrottle {

    /** Entries kept per map before idle ones are swept, so that floods of made-up names cannot exhaust memory. */
    static final int MAX_TRACKED = 100_000;

    public record Limits(int maxFailures, Duration lockout, Duration maxLockout, Duration forgetAfter,
                         int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, Duration remember) {
    }

    /** What is refused, and for how long. */
    public enum Scope { USER_AT_ADDRESS, USER, ADDRESS }

    public record Refusal(Scope scope, Duration retryAfter) {
        /** Whole seconds, at least 1: what Retry-After says. */
        public long seconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /** A lock-out that began with a failure: reported once, for the audit log. */
    public record LockOut(Scope scope, String username, String address, Instant until) {
    }

    /** The failures and lock of one (username, address), and until when it is known from a success. */
    private static final class Pair {
        int failures;
        /** Credential checks of this pair running now: each may turn into a failure. */
        int checking;
        Instant lastFailure = Instant.MIN;
        Instant lockedUntil = Instant.MIN;
        Instant knownUntil = Instant.MIN;
    }

    /** A leaky bucket: {@code level} failures at {@code at}, draining linearly. */
    private static final class Bucket {
        double level;
        Instant at;
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final Map<String, Bucket> users = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, Integer> checkingPerUser = new ConcurrentHashMap<>();

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Whether an attempt must be refused before its credential is checked. {@code username} is null when the
     * credential names none (a bearer token): then only the address counts.
     */
    public Optional<Refusal> check(String username, String address) {
        Instant now = clock.instant();
        boolean known = false;
        if (username != null) {
            Pair p = pairs.get(pairKey(username, address));
            if (p != null) {
                synchronized (p) {
                    if (p.lockedUntil.isAfter(now)) {
                        return Optional.of(new Refusal(Scope.USER_AT_ADDRESS, Duration.between(now, p.lockedUntil)));
                    }
                    known = p.knownUntil.isAfter(now);
                }
            }
        }
        if (known) {
            return Optional.empty();
        }
        Optional<Duration> user = username == null ? Optional.empty()
                : wait(users.get(username), limits.maxFailuresPerUser(), now);
        if (user.isPresent()) {
            return Optional.of(new Refusal(Scope.USER, user.get()));
        }
        return wait(addresses.get(address), limits.maxFailuresPerAddress(), now).map(d -> new Refusal(Scope.ADDRESS, d));
    }

    /**
     * Reserves a password check that is about to run (after {@link #check} let it through): guesses sent at once
     * would otherwise all be checked before the first failure is counted. Checks running now count as failures
     * to come, so at most the free failures of a pair, and the room left in its user's bucket, are ever being
     * checked at once; past that an attempt waits its turn (refused for a second). Each reservation that is
     * granted must be ended with {@link #checked}.
     */
    public Optional<Refusal> reserve(String username, String address) {
        Instant now = clock.instant();
        Pair p = pairs.computeIfAbsent(pairKey(username, address), k -> new Pair());
        synchronized (p) {
            int failures = p.lastFailure.plus(limits.forgetAfter()).isBefore(now) ? 0 : p.failures;
            if (p.checking > 0 && failures + p.checking >= limits.maxFailures()) {
                return Optional.of(new Refusal(Scope.USER_AT_ADDRESS, Duration.ofSeconds(1)));
            }
            boolean[] room = {true};
            checkingPerUser.compute(username, (u, running) -> {
                int now0 = running == null ? 0 : running;
                Bucket b = users.get(username);
                double level = b == null || b.at == null ? 0 : levelNow(b, limits.maxFailuresPerUser(), now);
                if (now0 > 0 && level + now0 > limits.maxFailuresPerUser() - 1) {
                    room[0] = false;
                    return running;
                }
                return now0 + 1;
            });
            if (!room[0]) {
                return Optional.of(new Refusal(Scope.USER, Duration.ofSeconds(1)));
            }
            p.checking++;
            return Optional.empty();
        }
    }

    /** Ends a reservation of {@link #reserve}, whatever the check's outcome. */
    public void checked(String username, String address) {
        Pair p = pairs.get(pairKey(username, address));
        if (p != null) {
            synchronized (p) {
                p.checking = Math.max(0, p.checking - 1);
            }
        }
        checkingPerUser.computeIfPresent(username, (u, running) -> running <= 1 ? null : running - 1);
    }

    private double levelNow(Bucket b, int capacity, Instant now) {
        synchronized (b) {
            return level(b, capacity, now);
        }
    }

    /** Counts a failed credential check; returns the lock-outs it began (none, mostly). */
    public List<LockOut> failed(String username, String address) {
        Instant now = clock.instant();
        sweepIfLarge(now);
        List<LockOut> began = new ArrayList<>(1);
        if (username != null) {
            Pair p = pairs.computeIfAbsent(pairKey(username, address), k -> new Pair());
            synchronized (p) {
                if (p.lastFailure.plus(limits.forgetAfter()).isBefore(now)) {
                    p.failures = 0;
                }
                p.failures++;
                p.lastFailure = now;
                if (p.failures >= limits.maxFailures()) {
                    p.lockedUntil = now.plus(lockout(p.failures - limits.maxFailures()));
                    began.add(new LockOut(Scope.USER_AT_ADDRESS, username, address, p.lockedUntil));
                }
            }
            fill(users, username, limits.maxFailuresPerUser(), now)
                    .ifPresent(until -> began.add(new LockOut(Scope.USER, username, address, until)));
        }
        fill(addresses, address, limits.maxFailuresPerAddress(), now)
                .ifPresent(until -> began.add(new LockOut(Scope.ADDRESS, username, address, until)));
        return began;
    }

    /** A credential of {@code username} was verified from {@code address}: its pair is cleared and known. */
    public void succeeded(String username, String address) {
        Instant now = clock.instant();
        Pair p = pairs.computeIfAbsent(pairKey(username, address), k -> new Pair());
        synchronized (p) {
            p.failures = 0;
            p.lockedUntil = Instant.MIN;
            p.knownUntil = now.plus(limits.remember());
        }
    }

    /** Forgets everything (tests). */
    public void reset() {
        pairs.clear();
        checkingPerUser.clear();
        users.clear();
        addresses.clear();
    }

    /** The lock after the n-th failure past the free ones (n from 0): lockout x 2^n, at most maxLockout. */
    Duration lockout(int beyond) {
        Duration max = limits.maxLockout();
        Duration d = limits.lockout();
        for (int i = 0; i < beyond && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Seconds per failure drained from a bucket of {@code capacity}. */
    private double drainSeconds(int capacity) {
        return limits.window().toMillis() / 1000.0 / capacity;
    }

    private double level(Bucket b, int capacity, Instant now) {
        double drained = Duration.between(b.at, now).toMillis() / 1000.0 / drainSeconds(capacity);
        return Math.max(0, b.level - drained);
    }

    /** How long until the bucket may take another failure, if it is full now. */
    private Optional<Duration> wait(Bucket b, int capacity, Instant now) {
        if (b == null) {
            return Optional.empty();
        }
        synchronized (b) {
            double over = level(b, capacity, now) - (capacity - 1);
            return over <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis((long) Math.ceil(over * drainSeconds(capacity) * 1000)));
        }
    }

    /** Adds a failure; returns until when the bucket is full if this failure filled it (a new lock-out). */
    private Optional<Instant> fill(Map<String, Bucket> buckets, String key, int capacity, Instant now) {
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket());
        synchronized (b) {
            double level = (b.at == null ? 0 : level(b, capacity, now)) + 1;
            b.level = level;
            b.at = now;
            // Full: the next failure would pass the capacity. Reported only by the failure that filled it.
            if (level <= capacity - 1 || level - 1 > capacity - 1) {
                return Optional.empty();
            }
            return Optional.of(now.plusMillis((long) Math.ceil((level - (capacity - 1)) * drainSeconds(capacity) * 1000)));
        }
    }

    private void sweepIfLarge(Instant now) {
        if (pairs.size() > MAX_TRACKED) {
            pairs.values().removeIf(p -> {
                synchronized (p) {
                    return p.checking == 0 && !p.lockedUntil.isAfter(now) && !p.knownUntil.isAfter(now)
                            && p.lastFailure.plus(limits.forgetAfter()).isBefore(now);
                }
            });
        }
        for (Map<String, Bucket> buckets : List.of(users, addresses)) {
            if (buckets.size() > MAX_TRACKED) {
                buckets.values().removeIf(b -> {
                    synchronized (b) {
                        return b.at != null && Duration.between(b.at, now).compareTo(limits.window()) > 0;
                    }
                });
            }
        }
    }

    private static String pairKey(String username, String address) {
        return username + '\u0000' + address;
    }
}
