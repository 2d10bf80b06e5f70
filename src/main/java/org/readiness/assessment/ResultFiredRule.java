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

/** How often a rule fired in one stored result: what the rule catalogue counts. */
@Entity
@Immutable
@Table(name = "result_fired_rule")
public class ResultFiredRule extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "assessment_id") UUID assessmentId, @Column(name = "rule_id") String ruleId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public int firings;
}
