package org.readiness.account;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP Basic sends the password with every request, and checking it against its bcrypt hash costs tens of
 * milliseconds of CPU by design. This provider runs before quarkus-security-jpa's: it answers from a short-lived
 * cache of credentials that the database check accepted, and otherwise asks that check and keeps a success.
 *
 * <ul>
 * <li>Only successes are kept: a wrong password always reaches bcrypt. Before the cache is asked at all,
 * {@link LoginGuard} may refuse the attempt (too many failed logins): then even a kept credential is refused.</li>
 * <li>The key is the username and an HMAC of username and password under a key made at start and never stored:
 * the cache holds no password, nor anything that could be tested against guesses without that key.</li>
 * <li>A change to a user (password, roles, organisation) drops that user's entries once its transaction ends,
 * and a check that began before the change is not kept ({@link #generation}).</li>
 * <li>Concurrent requests with the same credentials that find no entry (the first ones, or all of them when an
 * entry expires) share one database check instead of each paying bcrypt: without this, 32 clients of one
 * account stalled the service for about a second every time the entry expired (a p99 of 1.4 s in the load run).</li>
 * </ul>
 * Entries live for {@code quarkus.cache.caffeine."verified-credentials".expire-after-write}; see docs/security.md.
 */
@ApplicationScoped
public class VerifiedCredentials implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String CACHE = "verified-credentials";

    @Inject
    JpaIdentityProvider database;

    @Inject
    @CacheName(CACHE)
    Cache cache;

    @Inject
    LoginGuard guard;

    private final byte[] hmacKey = new byte[32];
    /** Moves on every user change; a check that started under an older generation may be stale and is not kept. */
    private final AtomicLong generation = new AtomicLong();
    /** Checks under way, by key: a request that finds one waits for its outcome. */
    private final Map<Key, CompletableFuture<SecurityIdentity>> checking = new ConcurrentHashMap<>();
    private final AtomicLong databaseChecks = new AtomicLong();

    /** What a credential is kept under: the username (to drop a user's entries) and the HMAC of username and password. */
    record Key(String username, String mac) {
    }

    /** Tells this cache that a user changed; sent by UserService. */
    public record UserChanged(String username) {
    }

    VerifiedCredentials() {
        new SecureRandom().nextBytes(hmacKey);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /**
     * Before quarkus-security-jpa's provider, which has the default priority (SYSTEM_FIRST + 1) and then runs only
     * through this one.
     */
    @Override
    public int priority() {
        return IdentityProvider.SYSTEM_FIRST + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        Optional<AuthenticationFailedException> refused = guard.check(request, request.getUsername());
        if (refused.isPresent()) {
            return Uni.createFrom().failure(refused.get());
        }
        return verify(request, context).invoke(identity -> {
            if (identity != null) {
                guard.succeeded(request, request.getUsername());
            }
        });
    }

    private Uni<SecurityIdentity> verify(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] password = utf8(request.getPassword().getPassword());
        if (password.length > Passwords.MAX_BYTES) {
            Arrays.fill(password, (byte) 0);
            // bcrypt reads only the first 72 bytes, so a longer password would sign in as every password that starts
            // the same way; none that long can be set, so none that long is right.
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        Key key = new Key(request.getUsername(), mac(request.getUsername(), password));
        CaffeineCache verified = cache.as(CaffeineCache.class);
        CompletableFuture<SecurityIdentity> known = verified.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().completionStage(known);
        }
        CompletableFuture<SecurityIdentity> mine = new CompletableFuture<>();
        CompletableFuture<SecurityIdentity> running = checking.putIfAbsent(key, mine);
        if (running != null) {
            return Uni.createFrom().completionStage(running);
        }
        Optional<AuthenticationFailedException> wait = guard.reserve(request, request.getUsername());
        if (wait.isPresent()) {
            checking.remove(key, mine);
            mine.completeExceptionally(wait.get());
            return Uni.createFrom().completionStage(mine);
        }
        long started = generation.get();
        databaseChecks.incrementAndGet();
        // Subscribed here rather than by the caller, so that a caller who goes away does not leave the others waiting.
        // The reservation ends after the outcome is handed on, so that a failure is counted before the next check.
        database.authenticate(request, context).map(identity -> keep(identity, key, verified, started)).subscribe().with(
                identity -> {
                    checking.remove(key, mine);
                    mine.complete(identity);
                    guard.checked(request, request.getUsername());
                },
                failure -> {
                    checking.remove(key, mine);
                    mine.completeExceptionally(failure);
                    guard.checked(request, request.getUsername());
                });
        return Uni.createFrom().completionStage(mine);
    }

    private SecurityIdentity keep(SecurityIdentity identity, Key key, CaffeineCache verified, long started) {
        if (identity == null || identity.isAnonymous()) {
            return identity;
        }
        // The same identity without the password credential quarkus-security-jpa attaches: nothing downstream
        // reads it, and the cache must not hold it.
        SecurityIdentity kept = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addAttributes(identity.getAttributes()).build();
        if (generation.get() == started) {
            verified.put(key, CompletableFuture.completedFuture(kept));
        }
        return kept;
    }

    /** How many checks went to the database since start (tests). */
    long databaseChecks() {
        return databaseChecks.get();
    }

    /** After the change's transaction ends (committed or not), so a check that follows reads the new state. */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) UserChanged change) {
        generation.incrementAndGet();
        // Requests after the change must not join a check of the old state.
        checking.keySet().removeIf(key -> key.username().equals(change.username()));
        cache.invalidateIf(k -> k instanceof Key key && key.username().equals(change.username())).await().indefinitely();
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer secret = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[secret.remaining()];
        secret.get(bytes);
        if (secret.hasArray()) {
            Arrays.fill(secret.array(), (byte) 0);
        }
        return bytes;
    }

    /** Zeroes {@code bytes} (the password) when done. */
    private String mac(String username, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
