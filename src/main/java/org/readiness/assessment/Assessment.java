package org.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.readiness.organisation.Organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One self-assessment of an organisation (or of a service area in it, the scope) against one questionnaire
 * version, for one period. Ids are random UUIDs, so they reveal nothing and cannot be guessed in sequence.
 */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
    public Organisation organisation;

    @Column(updatable = false)
    public String scope;

    @Column(name = "questionnaire_id", nullable = false, updatable = false)
    public String questionnaireId;

    @Column(name = "questionnaire_version", nullable = false, updatable = false)
    public int questionnaireVersion;

    @Column(nullable = false, updatable = false)
    public String period;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public AssessmentStatus status;

    /** Optimistic lock: every write bumps it, and the API shows it as the ETag. */
    @Version
    @Column(name = "row_version", nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("question")
    public List<AssessmentAnswer> answers = new ArrayList<>();

    public boolean submitted() {
        return status == AssessmentStatus.SUBMITTED;
    }

    public Optional<AssessmentAnswer> answer(String question) {
        return answers.stream().filter(a -> a.question.equals(question)).findFirst();
    }
}
