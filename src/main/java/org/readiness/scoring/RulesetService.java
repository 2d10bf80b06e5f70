package org.readiness.scoring;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.readiness.config.ReadinessConfig;
import org.readiness.questionnaire.QuestionnaireCatalog;
import org.readiness.questionnaire.Questionnaire;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

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

    private final AtomicReference<Ruleset> active = new AtomicReference<>();

    @PostConstruct
    void load() {
        long started = System.nanoTime();
        Ruleset ruleset = compiler().compile(config.rules().path());
        active.set(ruleset);
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
        Ruleset candidate = compiler().compile(config.rules().path());
        Ruleset previous = active.getAndSet(candidate);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.infof("Reloaded ruleset %s (was %s) in %d ms", candidate.version(), previous.version(), millis);
        return new Reload(previous.version(), candidate, millis);
    }

    /** What a reload did: the version it replaced, the ruleset now active, and how long the build took. */
    public record Reload(String previousVersion, Ruleset active, long millis) {
    }

    /** A compiler that accepts exactly the enablers and themes of the loaded questionnaires. */
    public RulesetCompiler compiler() {
        return new RulesetCompiler(knownEnablers(questionnaires.all()));
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
