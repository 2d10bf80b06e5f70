package org.readiness.assessment;

import org.readiness.scoring.engine.AnswerValidator;
import org.readiness.scoring.engine.ScoreResult.QuestionnaireRef;
import org.readiness.scoring.facts.Band;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the assessment API returns. Built inside the transaction, so nothing lazy escapes it. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    public static String href(UUID id) {
        return "/api/v1/assessments/" + id;
    }

    /** One assessment with its answers; {@code version} is also sent as the ETag. */
    public record AssessmentView(UUID id, String organisation, String scope, QuestionnaireRef questionnaire,
                                 String period, AssessmentStatus status, long version, String createdBy,
                                 Instant createdAt, Instant updatedAt, String submittedBy, Instant submittedAt,
                                 List<AnswerView> answers, ResultSummary result) {

        static AssessmentView of(Assessment a, AssessmentResult result) {
            return new AssessmentView(a.id, a.organisation.code, a.scope,
                    new QuestionnaireRef(a.questionnaireId, a.questionnaireVersion), a.period, a.status, a.version,
                    a.createdBy, a.createdAt, a.updatedAt, a.submittedBy, a.submittedAt,
                    a.answers.stream().map(AnswerView::of).toList(), ResultSummary.of(result));
        }
    }

    /** An answer in the shape the PUT body takes, so a client can send back what it read. */
    public record AnswerView(String question, Object value, String evidence) {
        static AnswerView of(AssessmentAnswer a) {
            Object value = switch (a.kind) {
                case SCORED -> a.value;
                case NOT_APPLICABLE -> AnswerValidator.NOT_APPLICABLE;
                case DONT_KNOW -> AnswerValidator.DONT_KNOW;
            };
            return new AnswerView(a.question, value, a.evidence);
        }
    }

    /** The headline of a stored result and where to read all of it. */
    public record ResultSummary(Double score, Band band, String ruleset, String href) {
        static ResultSummary of(AssessmentResult r) {
            return r == null ? null : new ResultSummary(r.overallScore, r.overallBand, r.rulesetVersion,
                    AssessmentViews.href(r.assessmentId) + "/result");
        }
    }

    /** A list entry: the assessment without its answers. */
    public record AssessmentSummary(UUID id, String organisation, String scope, QuestionnaireRef questionnaire,
                                    String period, AssessmentStatus status, Instant createdAt, Instant submittedAt,
                                    ResultSummary result) {
        static AssessmentSummary of(Assessment a, AssessmentResult result) {
            return new AssessmentSummary(a.id, a.organisation.code, a.scope,
                    new QuestionnaireRef(a.questionnaireId, a.questionnaireVersion), a.period, a.status,
                    a.createdAt, a.submittedAt, ResultSummary.of(result));
        }
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }
}
