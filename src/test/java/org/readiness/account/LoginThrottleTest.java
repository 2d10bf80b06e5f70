package org.readiness.account;

import org.junit.jupiter.api.Test;
import org.readiness.account.LoginThrottle.LockOut;
import org.readiness.account.LoginThrottle.Scope;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The failed-login arithmetic on a clock the test moves: the figures docs/security.md promises. */
class LoginThrottleTest {

    /** The defaults of readiness.security.login.*. */
    static final LoginThrottle.Limits DEFAULTS = new LoginThrottle.Limits(5, Duration.ofMinutes(1), Duration.ofHours(1),
            Duration.ofDays(1), 20, 100, Duration.ofHours(1), Duration.ofDays(30));

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(DEFAULTS, clock);

    @Test
    void fiveFailuresOfAUserFromAnAddressLockThatPairForAMinuteThenTwoFourUpToAnHour() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.check("ann", "10.0.0.1")).isEmpty();
            assertThat(throttle.failed("ann", "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.failed("ann", "10.0.0.1")).singleElement()
                .isEqualTo(new LockOut(Scope.USER_AT_ADDRESS, "ann", "10.0.0.1", clock.now.plusSeconds(60)));
        // Refused whatever the password: the refusal comes before any check.
        assertThat(throttle.check("ann", "10.0.0.1")).hasValueSatisfying(r -> {
            assertThat(r.scope()).isEqualTo(Scope.USER_AT_ADDRESS);
            assertThat(r.seconds()).isEqualTo(60);
        });
        // Refusals are not failures: asking again does not lengthen the lock.
        for (int i = 0; i < 10; i++) {
            throttle.check("ann", "10.0.0.1");
        }
        clock.move(Duration.ofSeconds(60));
        assertThat(throttle.check("ann", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("ann", "10.0.0.1")).singleElement().extracting(LockOut::until)
                .isEqualTo(clock.now.plus(Duration.ofMinutes(2)));
        for (long minutes : new long[]{4, 8, 16, 32, 60, 60}) {
            clock.move((throttle.check("ann", "10.0.0.1").orElseThrow().retryAfter()));
            assertThat(throttle.failed("ann", "10.0.0.1").get(0).until()).isEqualTo(clock.now.plus(Duration.ofMinutes(minutes)));
        }
    }

    @Test
    void guessesSentAtOnceAreCheckedNoFasterThanTheFreeFailuresAllow() {
        // 200 guesses arrive together: none has failed yet, so check() lets each through; the reservation does not.
        int granted = 0;
        for (int i = 0; i < 200; i++) {
            if (throttle.check("ann", "10.0.0.1").isEmpty() && throttle.reserve("ann", "10.0.0.1").isEmpty()) {
                granted++;
            }
        }
        assertThat(granted).as("password checks running at once for one user and address").isEqualTo(5);
        assertThat(throttle.reserve("ann", "10.0.0.1")).hasValueSatisfying(r -> assertThat(r.seconds()).isEqualTo(1));
        for (int i = 0; i < 5; i++) {
            throttle.failed("ann", "10.0.0.1");
            throttle.checked("ann", "10.0.0.1");
        }
        assertThat(throttle.check("ann", "10.0.0.1")).isPresent();
        // A check that ends, right or wrong, frees its place.
        assertThat(throttle.reserve("bob", "10.0.0.1")).isEmpty();
        throttle.checked("bob", "10.0.0.1");
        throttle.succeeded("bob", "10.0.0.1");
        assertThat(throttle.reserve("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void guessesAtOnceFromManyAddressesFillNoMoreThanTheUsersBucket() {
        int granted = 0;
        for (int i = 0; i < 200; i++) {
            if (throttle.check("ann", "10.1.0." + i).isEmpty() && throttle.reserve("ann", "10.1.0." + i).isEmpty()) {
                granted++;
            }
        }
        assertThat(granted).as("password checks running at once for one user").isEqualTo(20);
    }

    @Test
    void theSameUserFromAnotherAddressAndAnotherUserFromTheSameAddressAreNotHeldBack() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
        assertThat(throttle.check("ann", "10.0.0.1")).isPresent();
        assertThat(throttle.check("ann", "10.0.0.2")).isEmpty();
        assertThat(throttle.check("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void aSuccessClearsItsPairAndADayWithoutFailuresForgetsIt() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ann", "10.0.0.1");
        }
        throttle.succeeded("ann", "10.0.0.1");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("ann", "10.0.0.1")).isEmpty();
        }
        clock.move(Duration.ofDays(1).plusSeconds(1));
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.failed("ann", "10.0.0.1")).isEmpty();
        }
        assertThat(throttle.failed("ann", "10.0.0.1")).isNotEmpty();
    }

    @Test
    void aGuesserOfOneUserFromOneAddressGetsTenGuessesTheFirstHourThenOneAnHour() {
        assertThat(guessesAsFastAsAllowed(Duration.ofHours(1), i -> "10.0.0.1", i -> "ann")).isEqualTo(10);
        LoginThrottle fresh = new LoginThrottle(DEFAULTS, clock);
        assertThat(guessesAsFastAsAllowed(fresh, Duration.ofDays(1), i -> "10.0.0.1", i -> "ann")).isEqualTo(33);
    }

    @Test
    void aDistributedGuesserOfOneUserGetsTwentyAnHourAndAddressesTheUserSignedInFromStayOpen() {
        throttle.succeeded("ann", "192.0.2.1");
        // A new address for every guess: only the per-user limit holds it back.
        assertThat(guessesAsFastAsAllowed(Duration.ofHours(1), i -> "10.1." + (i / 250) + "." + (i % 250), i -> "ann"))
                .isBetween(39, 40);
        while (throttle.check("ann", "10.9.9.9").isEmpty()) {
            throttle.failed("ann", "10.9.9.8");
        }
        assertThat(throttle.check("ann", "10.9.9.9")).hasValueSatisfying(r -> assertThat(r.scope()).isEqualTo(Scope.USER));
        // Where Ann signed in before, she is not held back by the attack.
        assertThat(throttle.check("ann", "192.0.2.1")).isEmpty();
        // Every 3 minutes (an hour / 20) one more failure drains away.
        clock.move(throttle.check("ann", "10.9.9.9").orElseThrow().retryAfter());
        assertThat(throttle.check("ann", "10.9.9.9")).isEmpty();
    }

    @Test
    void oneAddressGuessingManyUsersGetsAHundredAnHourAndItsKnownUsersStayOpen() {
        throttle.succeeded("colleague", "10.0.0.1");
        assertThat(guessesAsFastAsAllowed(Duration.ofHours(1), i -> "10.0.0.1", i -> "user-" + i)).isBetween(199, 200);
        while (throttle.check("someone-else", "10.0.0.1").isEmpty()) {
            throttle.failed("another", "10.0.0.1");
        }
        assertThat(throttle.check("someone-else", "10.0.0.1")).hasValueSatisfying(r -> assertThat(r.scope()).isEqualTo(Scope.ADDRESS));
        assertThat(throttle.check(null, "10.0.0.1")).isPresent();
        assertThat(throttle.check("colleague", "10.0.0.1")).isEmpty();
        assertThat(throttle.check("someone-else", "10.0.0.2")).isEmpty();
    }

    @Test
    void aFullBucketIsReportedOnceAsALockOut() {
        List<LockOut> all = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.addAll(throttle.failed(null, "10.0.0.1"));
        }
        assertThat(all).singleElement().satisfies(l -> {
            assertThat(l.scope()).isEqualTo(Scope.ADDRESS);
            assertThat(l.until()).isEqualTo(clock.now.plusSeconds(36));
        });
        assertThat(throttle.failed(null, "10.0.0.1")).isEmpty();
    }

    @Test
    void forwardingWithoutTrustedProxiesStopsTheStart() {
        assertThat(LoginGuard.untrustedForwarding(true, List.of())).hasValueSatisfying(
                m -> assertThat(m).contains("quarkus.http.proxy.trusted-proxies"));
        assertThat(LoginGuard.untrustedForwarding(true, List.of("10.0.0.5"))).isEmpty();
        assertThat(LoginGuard.untrustedForwarding(false, List.of())).isEmpty();
    }

    private int guessesAsFastAsAllowed(Duration during, java.util.function.IntFunction<String> address,
                                       java.util.function.IntFunction<String> user) {
        return guessesAsFastAsAllowed(throttle, during, address, user);
    }

    /** A guesser that tries again the moment it may, a second apart at the fastest; how many guesses were checked. */
    private int guessesAsFastAsAllowed(LoginThrottle t, Duration during, java.util.function.IntFunction<String> address,
                                       java.util.function.IntFunction<String> user) {
        Instant end = clock.now.plus(during);
        int guesses = 0;
        while (clock.now.isBefore(end)) {
            var refused = t.check(user.apply(guesses), address.apply(guesses));
            if (refused.isPresent()) {
                clock.move(refused.get().retryAfter());
                continue;
            }
            t.failed(user.apply(guesses), address.apply(guesses));
            guesses++;
            clock.move(Duration.ofSeconds(1));
        }
        return guesses;
    }

    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-05T09:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
