package org.readiness.assessment;

import org.readiness.scoring.facts.Scope;
import org.readiness.audit.ActivityLog;
import org.readiness.ruleset.RulesetArchive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.assessment.AssessmentRequests;
import org.readiness.assessment.AssessmentService;
import org.readiness.problem.RequestBody;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetService;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Re-scores a stored assessment's stored answers under the exact ruleset and questionnaire version that
 * scored it, and compares the outcome with the stored result. Stores nothing.
 */
@ApplicationScoped
public class ReplayService {

    static final int MAX_DIFFERENCES = 50;
    private static final String ACTION = "assessment.replay";

    public record Replay(UUID assessment, String rulesetVersion, String activeRulesetVersion, String questionnaire,
                         boolean identical, List<JsonDifferences.Difference> differences) {
    }

    @Inject
    AssessmentService assessments;

    @Inject
    RulesetService rulesets;

    @Inject
    RulesetArchive archive;

    @Inject
    ObjectMapper mapper;

    @Inject
    ActivityLog activity;

    private final ScoringEngine engine = new ScoringEngine();

    /**
     * Replays the assessment {@code id} (as given in the path) and records it in the audit log with its outcome
     * (assessment.replay.identical, .different, .not-found, .failed) and the ruleset it ran under.
     */
    public Replay replay(String id) {
        String target = "assessment/" + RequestBody.abbreviate(id);
        try {
            AssessmentService.Stored stored = assessments.stored(AssessmentRequests.id(id));
            target = "assessment/" + stored.id() + " ruleset/" + stored.rulesetVersion();
            Replay replay = replay(stored);
            activity.record(ACTION, replay.identical() ? "identical" : "different", target, null,
                    Map.of("differences", replay.differences().size()));
            return replay;
        } catch (RuntimeException e) {
            throw activity.failed(ACTION, target, null, e);
        }
    }

    private Replay replay(AssessmentService.Stored stored) {
        Ruleset ruleset = rulesetOf(stored);
        ScoreResult again = engine.score(ruleset, stored.questionnaire(), stored.answers(), Scope.of(stored.scope()));
        JsonNode before = read(stored.resultJson());
        JsonNode after = mapper.valueToTree(again);
        List<JsonDifferences.Difference> differences = JsonDifferences.between(before, after, MAX_DIFFERENCES);
        return new Replay(stored.id(), stored.rulesetVersion(), rulesets.active().version(), stored.questionnaire().key(),
                differences.isEmpty(), differences);
    }

    /** The ruleset that scored a stored result: built in this process, or rebuilt from the archive. */
    public Ruleset rulesetOf(AssessmentService.Stored stored) {
        return rulesets.forVersion(stored.rulesetVersion(), () -> archive.files(stored.rulesetVersion()));
    }

    public ScoreResult read(AssessmentService.Stored stored) {
        try {
            return mapper.readValue(stored.resultJson(), ScoreResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored result of " + stored.id() + " cannot be read", e);
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored result cannot be read", e);
        }
    }
}
