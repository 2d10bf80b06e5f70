package org.readiness.ruleset;

import org.readiness.audit.AuditKeys;
import org.readiness.persistence.Digests;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.readiness.problem.ProblemException;
import org.readiness.scoring.engine.RuleFile;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the files of every ruleset version the service has loaded, so a stored result can always be replayed
 * under the rules that scored it, even after those rules changed. Versions are content digests, so keeping
 * one twice is a no-op.
 */
@ApplicationScoped
public class RulesetArchive {

    private static final Logger LOG = Logger.getLogger(RulesetArchive.class);

    @Inject
    RulesetService rulesets;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AuditKeys keys;

    /**
     * Versions known to be kept in a committed transaction. Kept rows are never deleted, so every submission after
     * the first of a version skips the query for it.
     */
    private final Set<String> committed = ConcurrentHashMap.newKeySet();

    /** Kept as soon as a ruleset is built (start-up, reload), in a transaction of its own. */
    void onLoaded(@Observes Ruleset ruleset) {
        try {
            QuarkusTransaction.requiringNew().run(() -> keep(ruleset));
        } catch (RuntimeException e) {
            // Another instance may be keeping the same version at the same moment; submission checks again.
            LOG.warnf("Ruleset %s not archived at load (%s); it will be on first submission", ruleset.version(), e.getMessage());
        }
    }

    /** Makes sure {@code version}, which scored a result being stored, is kept; joins the caller's transaction. */
    @Transactional
    public void ensureKept(String version) {
        if (committed.contains(version)) {
            return;
        }
        if (StoredRuleset.findById(version) == null) {
            keep(rulesets.built(version).orElseThrow(() -> new IllegalStateException(
                    "Ruleset " + version + " scored a result but is neither kept nor built by this process")));
        }
        // Remembered only once this transaction commits: a row it wrote itself and then rolled back is not kept.
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.add(version);
                }
            }
        });
    }

    /**
     * The kept files of {@code version}, to be compiled again: only when the row carries this service's seal. The
     * compile that follows checks that the files digest to the version, so a sealed version's files cannot be
     * swapped either.
     *
     * @throws ProblemException 422 when the version is kept without a valid seal (planted, or kept before seals)
     */
    @Transactional
    public Optional<Map<String, String>> files(String version) {
        StoredRuleset kept = StoredRuleset.findById(version);
        if (kept == null) {
            return Optional.empty();
        }
        if (!sealed(kept)) {
            LOG.warnf("Ruleset %s is kept in the database without a valid seal; it is not compiled", version);
            throw new ProblemException(422, "ruleset-unsealed", "The kept ruleset cannot be used", "Ruleset " + version
                    + " is kept in the database without this service's seal (made before seals, or written by another "
                    + "hand), so it is not compiled: rules run as code. Deploy its files as the active rules to replay it",
                    List.of());
        }
        List<StoredRuleFile> files = StoredRuleFile.list("key.version", version);
        Map<String, String> contents = new LinkedHashMap<>();
        files.forEach(f -> contents.put(f.key.path(), f.content));
        return Optional.of(contents);
    }

    private boolean sealed(StoredRuleset kept) {
        return kept.seal != null && kept.keyId != null && keys.knows(kept.keyId) && MessageDigest.isEqual(
                seal(kept.keyId, kept.version).getBytes(StandardCharsets.US_ASCII), kept.seal.getBytes(StandardCharsets.US_ASCII));
    }

    private String seal(String keyId, String version) {
        return keys.sign(keyId, "ruleset-version" + Digests.SEPARATOR + version);
    }

    private void keep(Ruleset ruleset) {
        if (StoredRuleset.findById(ruleset.version()) != null) {
            return;
        }
        StoredRuleset stored = new StoredRuleset();
        stored.version = ruleset.version();
        stored.origin = ruleset.origin();
        stored.firstSeen = Instant.now();
        stored.keyId = keys.currentId();
        stored.seal = seal(stored.keyId, stored.version);
        stored.persistAndFlush();
        for (RuleFile file : ruleset.files()) {
            StoredRuleFile row = new StoredRuleFile();
            row.key = new StoredRuleFile.Key(ruleset.version(), file.path());
            row.sha256 = file.sha256();
            row.content = file.content();
            row.persist();
        }
    }
}
