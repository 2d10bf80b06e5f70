package org.readiness.assessment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.ruleset.RulesetArchive;
import org.readiness.scoring.engine.Firing;

import java.util.TreeMap;
import java.util.stream.Collectors;
import org.readiness.scoring.engine.ScoreResult;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes and reads stored results. The JSON is written once with the application's ObjectMapper, the same
 * one that serialises API responses, and is returned as stored from then on.
 */
@ApplicationScoped
public class ResultStore {

    @Inject
    ObjectMapper mapper;

    @Inject
    RulesetArchive archive;

    /** Stores the result of {@code assessment} with its theme and enabler ratings; returns the JSON stored. */
    public String store(Assessment assessment, ScoreResult score, Instant submittedAt) {
        String json;
        try {
            json = mapper.writeValueAsString(score);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the result of assessment " + assessment.id, e);
        }
        AssessmentResult result = new AssessmentResult();
        result.assessmentId = assessment.id;
        result.organisationId = assessment.organisation.id;
        result.questionnaireId = score.questionnaire().id();
        result.questionnaireVersion = score.questionnaire().version();
        result.rulesetVersion = score.ruleset().version();
        result.overallScore = score.overall().score();
        result.overallBand = score.overall().band();
        result.submittedAt = submittedAt;
        result.json = json;
        result.persist();
        // The narrow copy the national comparison scans (V4); same transaction, so it exists exactly when the result does.
        ResultSummary.of(result, assessment).persist();
        score.themes().forEach(t -> rating(assessment.id, ResultRating.Level.THEME, t.id(), t.id(), t.score(),
                t.band(), t.scoredEnablers(), t.enablers()));
        score.enablers().forEach(e -> rating(assessment.id, ResultRating.Level.ENABLER, e.id(), e.theme(), e.score(),
                e.band(), e.answered(), e.items()));
        score.trace().stream().collect(Collectors.groupingBy(Firing::rule, TreeMap::new, Collectors.counting()))
                .forEach((rule, firings) -> {
                    ResultFiredRule row = new ResultFiredRule();
                    row.key = new ResultFiredRule.Key(assessment.id, rule);
                    row.firings = firings.intValue();
                    row.persist();
                });
        score.recommendations().forEach(r -> {
            ResultRecommendation row = new ResultRecommendation();
            row.key = new ResultRecommendation.Key(assessment.id, r.id(), r.enabler());
            row.rank = r.rank();
            row.persist();
        });
        archive.ensureKept(score.ruleset().version());
        return json;
    }

    public Optional<AssessmentResult> find(UUID assessmentId) {
        return AssessmentResult.findByIdOptional(assessmentId);
    }

    private static void rating(UUID assessmentId, ResultRating.Level level, String id, String theme, Double score,
                               org.readiness.scoring.facts.Band band, int answered, int total) {
        ResultRating rating = new ResultRating();
        rating.assessmentId = assessmentId;
        rating.level = level;
        rating.ratingId = id;
        rating.theme = theme;
        rating.score = score;
        rating.band = band;
        rating.answered = answered;
        rating.total = total;
        rating.persist();
    }
}
