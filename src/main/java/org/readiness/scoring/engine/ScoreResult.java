package org.readiness.scoring.engine;

import org.readiness.scoring.facts.Band;
import org.readiness.scoring.facts.Conventions;
import org.readiness.scoring.facts.Horizon;

import java.util.List;

/**
 * What scoring returns and what a submitted result stores: pinned to the questionnaire version and the
 * ruleset version that produced it, with the fired-rule trace.
 */
public record ScoreResult(QuestionnaireRef questionnaire, RulesetRef ruleset, Overall overall, List<ThemeRating> themes,
                          List<EnablerRating> enablers, List<RankedRecommendation> recommendations,
                          List<Firing> trace, String note) {

    /**
     * Shown with every result: the bands are for comparison and planning, not a validated measure. The scale is the
     * ruleset's, so a stored result's note replays word for word under the ruleset that scored it.
     */
    public static String bandsNote(Conventions conventions) {
        return conventions.note().orElseGet(() -> "Bands are conventions for comparing sites and planning next steps; "
                + "they are not validated cut-offs. Scores are weighted means on the " + Conventions.number(conventions.getScaleFrom())
                + "-" + Conventions.number(conventions.getScaleTo()) + " readiness scale; "
                + "'not applicable' and 'don't know' answers are left out, never counted as zero.");
    }

    public record QuestionnaireRef(String id, int version) {
    }

    public record RulesetRef(String version) {
    }

    public record Overall(Double score, Band band, Band uncappedBand, List<String> cappedBy, int scoredThemes, int themes) {
    }

    public record ThemeRating(String id, String title, Double score, Band band, Band uncappedBand, List<String> cappedBy,
                              int scoredEnablers, int enablers) {
    }

    public record EnablerRating(String id, String title, String theme, Double score, Band band, Band uncappedBand,
                                List<String> cappedBy, int answered, int items) {
    }

    /** {@code owner}, {@code horizon} and {@code doneWhen} are absent from steps of rulesets that did not give them. */
    public record RankedRecommendation(int rank, String id, String enabler, int priority, String title, String text,
                                       String rationale, String source, String rule, String owner, Horizon horizon,
                                       String doneWhen) {
    }
}
