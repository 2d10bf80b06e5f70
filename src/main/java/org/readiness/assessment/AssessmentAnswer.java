package org.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.scoring.facts.AnswerKind;

/** One answered question of an assessment, with the evidence the respondent gave for it. */
@Entity
@Table(name = "assessment_answer")
public class AssessmentAnswer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id", nullable = false, updatable = false)
    public Assessment assessment;

    @Column(nullable = false, updatable = false)
    public String question;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public AnswerKind kind;

    /** The point on the scale; only for a SCORED answer. */
    @Column(name = "scale_value")
    public Integer value;

    public String evidence;

    public GivenAnswer given() {
        return new GivenAnswer(question, kind, value, evidence);
    }

    /** Replaces what this question holds with {@code given}, evidence included. */
    public void set(GivenAnswer given) {
        kind = given.kind();
        value = given.value();
        evidence = given.evidence();
    }
}
