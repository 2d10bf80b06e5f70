package org.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.readiness.scoring.facts.Band;

import java.time.Instant;
import java.util.UUID;

/**
 * A narrow copy of a stored result's summary with its assessment's period and scope, written with the result and
 * never changed: what the comparison and progress views scan (V4 explains why not assessment_result itself).
 */
@Entity
@Immutable
@Table(name = "result_summary")
public class ResultSummary extends PanacheEntityBase {

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(name = "questionnaire_id", nullable = false)
    public String questionnaireId;

    @Column(name = "questionnaire_version", nullable = false)
    public int questionnaireVersion;

    @Column(name = "ruleset_version", nullable = false)
    public String rulesetVersion;

    @Column(nullable = false)
    public String period;

    public String scope;

    @Column(name = "overall_score")
    public Double overallScore;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "overall_band", nullable = false)
    public Band overallBand;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    static ResultSummary of(AssessmentResult result, Assessment assessment) {
        ResultSummary s = new ResultSummary();
        s.assessmentId = result.assessmentId;
        s.organisationId = result.organisationId;
        s.questionnaireId = result.questionnaireId;
        s.questionnaireVersion = result.questionnaireVersion;
        s.rulesetVersion = result.rulesetVersion;
        s.period = assessment.period;
        s.scope = assessment.scope;
        s.overallScore = result.overallScore;
        s.overallBand = result.overallBand;
        s.submittedAt = result.submittedAt;
        return s;
    }
}
