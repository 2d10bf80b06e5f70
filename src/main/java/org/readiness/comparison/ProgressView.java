package org.readiness.comparison;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.readiness.comparison.SammMetrics.Measure;
import org.readiness.comparison.TargetService.TargetView;
import org.readiness.scoring.facts.Band;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One organisation's submitted results over time, in series: one per questionnaire and scope, because a
 * service area's assessments and the whole organisation's are different measurements with their own baseline.
 */
public record ProgressView(String note, String organisation, String name, List<Series> series) {

    /**
     * {@code targetsFrom} says whose targets apply: "scope" (set for this service area), "organisation" (the
     * whole organisation's, used when the scope has none) or "none".
     */
    public record Series(String questionnaire, String scope, String targetsFrom, List<TargetView> targets,
                         List<Result> results) {
    }

    /**
     * One submitted result. Changes are against the previous result of the series and against its first (the
     * baseline); null where either has no score, or the two questionnaire versions ask different items.
     */
    public record Result(String assessment, String period, OffsetDateTime submittedAt, int questionnaireVersion,
                         String rulesetVersion, Change overall, List<Change> enablers, Measure percentageToTarget,
                         Measure progressToDate, List<String> leftOutOfTargets) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(String id, @Schema(nullable = true) Double score, @Schema(nullable = true) Band band,
                         @Schema(nullable = true) Double changeSincePrevious, @Schema(nullable = true) Double changeSinceBaseline,
                         @Schema(nullable = true) Double target, @Schema(nullable = true) Double gap) {
    }
}
