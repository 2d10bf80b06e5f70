package org.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;
import java.util.UUID;

/** One recommendation of a stored result, with its rank: what impact analysis compares against. */
@Entity
@Immutable
@Table(name = "result_recommendation")
public class ResultRecommendation extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "assessment_id") UUID assessmentId,
                      @Column(name = "recommendation_id") String recommendationId, String enabler)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "rank_no", nullable = false)
    public int rank;
}
