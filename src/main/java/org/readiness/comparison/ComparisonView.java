package org.readiness.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.readiness.comparison.SharedEnablers.LeftOut;
import org.readiness.organisation.OrganisationType;
import org.readiness.scoring.facts.Band;

import java.time.OffsetDateTime;
import java.util.List;

/** The comparison answer: every organisation's latest result side by side, and cohort statistics per enabler. */
public record ComparisonView(String note, Filters filters, List<Integer> questionnaireVersions, List<String> enablers,
                             List<LeftOut> leftOut, List<Row> organisations, Statistics statistics) {

    /**
     * Shown with every comparison and export. Ratings are an organisation's own view of itself, and sites differ
     * in size, remit and starting point; ranking them would misread them.
     */
    public static final String NOTE = "These ratings are self-assessments by each organisation, scored by the "
            + "service's rules. They show where each organisation judges itself to be and where it may focus next; "
            + "they are not a league table and should not be used to rank organisations.";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    // Nulls are sent (JsonInclude.ALWAYS), so the API document says which fields may be null.
    public record Filters(String questionnaire, @Schema(nullable = true) Integer version, @Schema(nullable = true) String region,
                          @Schema(nullable = true) OrganisationType type, @Schema(nullable = true) String period,
                          @Schema(nullable = true) String scope, boolean byScope) {
    }

    public record Row(String code, String name, OrganisationType type, String region, String scope, String period,
                      OffsetDateTime submittedAt, int questionnaireVersion, String rulesetVersion, Rating overall,
                      List<EnablerRating> enablers) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Rating(@Schema(nullable = true) Double score, @Schema(nullable = true) Band band) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EnablerRating(String id, @Schema(nullable = true) Double score, @Schema(nullable = true) Band band) {
    }

    public record Statistics(String method, int minCohort, Statistic overall, List<Statistic> enablers) {
    }

    /**
     * Cohort statistics of one enabler (or overall) over the organisations' latest scores. {@code n} counts
     * scores (one per organisation, or per organisation and scope); {@code organisations} the distinct
     * organisations behind them, which is what suppression counts. Suppressed statistics are null.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Statistic(String id, @Schema(nullable = true) Integer n, @Schema(nullable = true) Integer organisations,
                            @Schema(nullable = true) Double lowerQuartile, @Schema(nullable = true) Double median,
                            @Schema(nullable = true) Double upperQuartile, boolean suppressed, @Schema(nullable = true) String reason) {
    }
}
