package org.readiness.ruleset;

import org.readiness.scoring.engine.Ruleset;
import org.readiness.scoring.engine.ScoringEngine;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.readiness.config.ReadinessConfig;
import org.readiness.questionnaire.QuestionnaireCatalog;
import org.readiness.questionnaire.Questionnaire;

import jakarta.enterprise.event.Event;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Holds the active ruleset. It is compiled once at start-up from the rules folder; a DRL fault stops the
 * start with the file and line, rather than letting the service score with a partial ruleset.
 */
@Startup
@ApplicationScoped
public class RulesetService {

    private static final Logger LOG = Logger.getLogger(RulesetService.class);

    @Inject
    ReadinessConfig config;

    @Inject
    QuestionnaireCatalog questionnaires;

    @Inject
    Event<Ruleset> loaded;

    private final AtomicReference<Ruleset> active = new AtomicReference<>();

    /** Rulesets built by this process, most recently used last, so replays of recent versions need no rebuild. */
    private final Map<String, Ruleset> built = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Ruleset> eldest) {
            return size() > KEEP_BUILT && !eldest.getKey().equals(active.get().version());
        }
    };
    private static final int KEEP_BUILT = 8;

    @PostConstruct
    void load() {
        long started = System.nanoTime();
        Ruleset ruleset = warm(compiler().compile(config.rules().path()));
        active.set(ruleset);
        remember(ruleset);
        LOG.infof("Loaded ruleset %s (%d rules in %d files) from %s in %d ms", ruleset.version(), ruleset.rules().size(),
                ruleset.files().size(), config.rules().path(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The ruleset to score with now. A caller keeps the one it got for the whole scoring, whatever reloads happen. */
    public Ruleset active() {
        return active.get();
    }

    /**
     * Compiles the rules folder aside and, only if it compiles cleanly, makes it the active ruleset in one
     * atomic swap. On failure the active ruleset is untouched and the faults are thrown. Reloads are serialised
     * so that two cannot interleave their compile and swap.
     */
    public synchronized Reload reload() {
        long started = System.nanoTime();
        // Rules that digest to a version this process built already are that ruleset: same files, same decisions.
        Map<String, String> files = RulesetCompiler.readFolder(config.rules().path());
        Ruleset candidate = built(RulesetCompiler.version(new java.util.TreeMap<>(files)))
                .orElseGet(() -> warm(compiler().compile(files, config.rules().path().toString())));
        Ruleset previous = active.getAndSet(candidate);
        remember(candidate);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Reloaded ruleset %s (was %s) in %d ms", candidate.version(), previous.version(), millis);
        return new Reload(previous.version(), candidate, millis);
    }

    /** What a reload did: the version it replaced, the ruleset now active, and how long the build took. */
    public record Reload(String previousVersion, Ruleset active, long millis) {
    }

    /**
     * The ruleset of {@code version}: one built by this process, or else built from {@code files} (the stored
     * contents of that version). Refuses files whose digest is not {@code version}, so a replay can never run
     * under rules other than those it names.
     */
    public Ruleset forVersion(String version, Supplier<Optional<Map<String, String>>> files) {
        synchronized (built) {
            Ruleset known = built.get(version);
            if (known != null) {
                return known;
            }
        }
        Map<String, String> contents = files.get().orElseThrow(() -> new RulesetException(version,
                java.util.List.of(new RulesetFault(null, 0, "ruleset version " + version + " is not kept"))));
        // Checked before compiling: rules run as code, so files that are not the version's are never compiled.
        String digest = RulesetCompiler.version(new java.util.TreeMap<>(contents));
        if (!digest.equals(version)) {
            throw new IllegalStateException("Stored files of ruleset " + version + " digest to " + digest);
        }
        Ruleset ruleset = compiler().compile(contents, "ruleset " + version.substring(0, 12));
        synchronized (built) {
            built.put(version, ruleset);
        }
        return ruleset;
    }

    /** See {@link ScoringEngine#warmUp}: before a ruleset serves, every constraint it evaluates is compiled. */
    private Ruleset warm(Ruleset ruleset) {
        long started = System.nanoTime();
        try {
            new ScoringEngine().warmUp(ruleset, questionnaires.all());
            LOG.debugf("Warmed ruleset %s in %d ms", ruleset.version(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // Only an optimisation: a ruleset that cannot score made-up answers fails on real ones, where it is reported.
            LOG.warnf("Warming ruleset %s failed: %s", ruleset.version(), e);
        }
        return ruleset;
    }

    /** Keeps a built ruleset for reuse and tells observers (the archive) it exists. */
    private void remember(Ruleset ruleset) {
        synchronized (built) {
            built.put(ruleset.version(), ruleset);
        }
        loaded.fire(ruleset);
    }

    /** A ruleset built by this process, if it still holds it. */
    public Optional<Ruleset> built(String version) {
        synchronized (built) {
            return Optional.ofNullable(built.get(version));
        }
    }

    /** A compiler that accepts exactly the enablers and themes of the loaded questionnaires. */
    public RulesetCompiler compiler() {
        return new RulesetCompiler(questionnaires.all(), config.rules().cachePath().map(RulesetCache::new));
    }

    public static Set<String> knownEnablers(Iterable<Questionnaire> questionnaires) {
        Set<String> known = new HashSet<>(Set.of("all", "overall"));
        for (Questionnaire q : questionnaires) {
            q.themes().forEach(t -> {
                known.add(t.id());
                t.enablers().forEach(e -> known.add(e.id()));
            });
        }
        return known;
    }
}
