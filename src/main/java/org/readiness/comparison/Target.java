package org.readiness.comparison;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.readiness.scoring.facts.Band;

import java.time.Instant;
import java.util.List;

/**
 * An organisation's target for one enabler, for the whole organisation ({@code scope} is {@link #WHOLE}) or one
 * service area. {@code score} is what the arithmetic uses; when the organisation chose a band, {@code band}
 * records it and {@code score} is where that band started when the target was set (scoring/bands.yaml).
 */
@Entity
@Table(name = "organisation_target")
public class Target extends PanacheEntityBase {

    /** The scope column's value for the whole organisation: '' rather than NULL, so the unique key holds. */
    public static final String WHOLE = "";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "organisation_id", nullable = false)
    public Long organisationId;

    @Column(nullable = false)
    public String scope;

    @Column(nullable = false)
    public String enabler;

    @Column(name = "target_score", nullable = false)
    public double score;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "target_band")
    public Band band;

    @Column(name = "set_by", nullable = false)
    public String setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    public static List<Target> of(long organisationId, String scope) {
        return list("organisationId = ?1 and scope = ?2 order by enabler", organisationId, scope);
    }
}
