package org.readiness.assessment;

import org.readiness.scoring.facts.Band;

import java.util.List;
import java.util.UUID;

/**
 * Why a stored assessment got its ratings: for the overall rating and each enabler, what fed it, which rules
 * fired with their rationale, which gates held it back, and which next steps came from which rule.
 */
public record Explanation(UUID assessment, String organisation, String organisationName, String scope, String period,
                          String questionnaire, String rulesetVersion, String note, Part overall, List<Part> enablers) {

    /** {@code inputs}: the answers of an enabler, or the theme ratings behind the overall rating. */
    public record Part(String id, String title, Double score, Band band, Band uncappedBand, String coverage,
                       List<Input> inputs, List<Rule> rules, List<Rule> gates, List<Step> recommendations) {
    }

    public record Input(String id, String text, String answer, String evidence) {
    }

    public record Rule(String id, String name, String rationale, String source, List<String> facts) {
    }

    /** {@code owner}, {@code horizon} and {@code doneWhen} are absent for steps of rulesets that did not give them. */
    public record Step(int rank, String id, String title, String rule, String rationale, String source, String owner,
                       org.readiness.scoring.facts.Horizon horizon, String doneWhen) {

        static Step of(org.readiness.scoring.engine.ScoreResult.RankedRecommendation r) {
            return new Step(r.rank(), r.id(), r.title(), r.rule(), r.rationale(), r.source(), r.owner(), r.horizon(),
                    r.doneWhen());
        }
    }
}
