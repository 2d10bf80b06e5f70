package org.readiness.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.assessment.AssessmentService;
import org.readiness.scoring.Ruleset;
import org.readiness.scoring.RulesetService;
import org.readiness.scoring.ScoreResult;
import org.readiness.scoring.ScoringEngine;

import java.util.List;
import java.util.UUID;

/**
 * Re-scores a stored assessment's stored answers under the exact ruleset and questionnaire version that
 * scored it, and compares the outcome with the stored result. Stores nothing.
 */
@ApplicationScoped
public class ReplayService {

    static final int MAX_DIFFERENCES = 50;

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

    private final ScoringEngine engine = new ScoringEngine();

    public Replay replay(UUID id) {
        AssessmentService.Stored stored = assessments.stored(id);
        Ruleset ruleset = rulesetOf(stored);
        ScoreResult again = engine.score(ruleset, stored.questionnaire(), stored.answers());
        JsonNode before = read(stored.resultJson());
        JsonNode after = mapper.valueToTree(again);
        List<JsonDifferences.Difference> differences = JsonDifferences.between(before, after, MAX_DIFFERENCES);
        return new Replay(id, stored.rulesetVersion(), rulesets.active().version(), stored.questionnaire().key(),
                differences.isEmpty(), differences);
    }

    /** The ruleset that scored a stored result: built in this process, or rebuilt from the archive. */
    Ruleset rulesetOf(AssessmentService.Stored stored) {
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
