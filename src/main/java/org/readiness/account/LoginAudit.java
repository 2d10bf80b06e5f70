package org.readiness.account;

import org.readiness.identity.Stamp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.readiness.audit.AuditLog;
import org.readiness.config.ReadinessConfig;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed logins and lock-outs in the audit log, without letting a flood of them hold up real writes: every append
 * takes the lock on the chain's head row, so failures are not appended one by one as they happen. They are tallied
 * in memory per (username, address) and written every {@code readiness.security.login.audit-interval}: one
 * {@code login.locked} row per lock-out that began, one {@code login.failed} row per pair with its count, at most
 * {@link #MAX_ROWS} rows per interval (lock-outs first, then the pairs with the most failures) and one
 * {@code login.failed} row summing up the rest. Each row is its own short transaction, so a real write waits for
 * one append at most. Tallies not yet written are lost if the process dies (at most one interval's).
 */
@ApplicationScoped
public class LoginAudit {

    private static final Logger LOG = Logger.getLogger(LoginAudit.class);
    static final int MAX_ROWS = 50;
    /** Tallies and lock-outs held between two writes; beyond this they are only counted in the summary row. */
    private static final int MAX_PENDING = 10_000;
    /** The actor of rows whose username is unknown (a bearer token, or the summary). */
    static final String NO_USERNAME = "(no username)";

    @Inject
    AuditLog log;

    @Inject
    ReadinessConfig config;

    private final Map<String, Tally> failures = new ConcurrentHashMap<>();
    private final Queue<LoginThrottle.LockOut> lockOuts = new ConcurrentLinkedQueue<>();
    private final AtomicLong pendingLockOuts = new AtomicLong();
    private final AtomicLong uncounted = new AtomicLong();
    private ScheduledExecutorService writer;

    /** Failures of one username from one address since the last write. */
    private static final class Tally {
        final String username;
        final String address;
        /** Changed only inside the map's compute, which is atomic with the writer's remove: no count is lost. */
        long count;

        Tally(String username, String address) {
            this.username = username;
            this.address = address;
        }
    }

    void start(@Observes StartupEvent start) {
        long every = config.security().login().auditInterval().toMillis();
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "login-audit");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::writeQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (writer != null) {
            writer.shutdownNow();
        }
        writeQuietly();
    }

    void failed(String username, String address) {
        String key = username + '\u0000' + address;
        if (!failures.containsKey(key) && failures.size() >= MAX_PENDING) {
            uncounted.incrementAndGet();
            return;
        }
        failures.compute(key, (k, tally) -> {
            Tally t = tally == null ? new Tally(username, address) : tally;
            t.count++;
            return t;
        });
    }

    void lockedOut(LoginThrottle.LockOut lockOut) {
        if (pendingLockOuts.incrementAndGet() > MAX_PENDING) {
            pendingLockOuts.decrementAndGet();
            uncounted.incrementAndGet();
            return;
        }
        lockOuts.add(lockOut);
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            // The tallies are gone; the next interval's are written as usual.
            LOG.warnf("Could not write failed logins to the audit log: %s", e.toString());
        }
    }

    /** Writes what was tallied since the last write; returns the number of rows (tests call this directly). */
    synchronized int write() {
        List<Row> rows = new ArrayList<>();
        for (LoginThrottle.LockOut l; (l = lockOuts.poll()) != null; ) {
            pendingLockOuts.decrementAndGet();
            rows.add(lockOutRow(l));
        }
        List<Tally> tallies = new ArrayList<>();
        for (String key : List.copyOf(failures.keySet())) {
            Tally t = failures.remove(key);
            if (t != null) {
                tallies.add(t);
            }
        }
        tallies.sort(Comparator.comparingLong((Tally t) -> t.count).reversed());
        for (Tally t : tallies) {
            rows.add(new Row("login.failed", actor(t.username), pair(t.username, t.address) + ": " + t.count
                    + " failed", state("username", t.username, "address", t.address, "failures", t.count)));
        }
        long more = uncounted.getAndSet(0);
        List<Row> written = rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows;
        for (Row r : rows.subList(written.size(), rows.size())) {
            more += r.action.equals("login.failed") ? (Long) r.state.get("failures") : 1;
        }
        if (more > 0) {
            written = new ArrayList<>(written);
            written.add(new Row("login.failed", NO_USERNAME, "more: " + more + " failures and lock-outs not itemised",
                    state("more", more)));
        }
        Instant now = Instant.now();
        int appended = 0;
        for (Row r : written) {
            try {
                QuarkusTransaction.requiringNew().run(() -> log.append(r.action, r.target, null, r.state, Stamp.of(r.actor, now)));
                appended++;
            } catch (RuntimeException e) {
                // One row the database refuses must not take the rest of the interval's with it.
                LOG.warnf("Could not write a failed-login row (%s) to the audit log: %s", r.action, e.toString());
            }
        }
        return appended;
    }

    private record Row(String action, String actor, String target, Map<String, Object> state) {
    }

    private static Row lockOutRow(LoginThrottle.LockOut l) {
        String what = switch (l.scope()) {
            case USER_AT_ADDRESS -> pair(l.username(), l.address());
            case USER -> "user/" + cut(l.username());
            case ADDRESS -> "address/" + l.address();
        };
        return new Row("login.locked", l.scope() == LoginThrottle.Scope.ADDRESS ? NO_USERNAME : actor(l.username()),
                what + " until " + l.until(), state("scope", l.scope().name(), "username", l.username(),
                "address", l.address(), "until", l.until().toString()));
    }

    private static String pair(String username, String address) {
        return (username == null ? "" : "user/" + cut(username) + " at ") + "address/" + address;
    }

    private static String actor(String username) {
        return username == null ? NO_USERNAME : cut(username);
    }

    /**
     * Usernames of failed logins are whatever a client sent: control characters and halves of surrogate pairs
     * (which PostgreSQL refuses, and which would garble a log line) become U+FFFD, and the name is cut to fit the
     * audit columns (200).
     */
    static String cut(String username) {
        String shown = username.length() <= 64 ? username : username.substring(0, 64) + "...";
        StringBuilder clean = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1));
            if (pair) {
                clean.append(c).append(shown.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                clean.append('\uFFFD');
            } else {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    private static Map<String, Object> state(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
