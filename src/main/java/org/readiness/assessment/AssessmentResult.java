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
 * The result stored when an assessment is submitted. {@code json} is the scoring result exactly as first
 * returned, so it reads back byte for byte; the other columns copy the parts that comparisons query.
 * Immutable: Hibernate never issues an UPDATE for it.
 */
@Entity
@Immutable
@Table(name = "assessment_result")
public class AssessmentResult extends PanacheEntityBase {

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

    @Column(name = "overall_score")
    public Double overallScore;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "overall_band", nullable = false)
    public Band overallBand;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    // TEXT in the migration: unbounded in PostgreSQL, CHARACTER VARYING (up to 1,000,000 characters) in H2.
    @Column(name = "result_json", nullable = false)
    public String json;
}
