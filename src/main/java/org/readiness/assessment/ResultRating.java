package org.readiness.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.readiness.scoring.facts.Band;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** One theme or enabler rating of a stored result, kept as columns so that sites can be compared in SQL. */
@Entity
@Immutable
@IdClass(ResultRating.Key.class)
@Table(name = "result_rating")
public class ResultRating extends PanacheEntityBase {

    public enum Level { THEME, ENABLER }

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Id
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public Level level;

    @Id
    @Column(name = "rating_id")
    public String ratingId;

    @Column(nullable = false)
    public String theme;

    public Double score;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false)
    public Band band;

    @Column(nullable = false)
    public int answered;

    @Column(nullable = false)
    public int total;

    /** The composite primary key: a result rates each theme and enabler once. */
    public static class Key implements Serializable {
        public UUID assessmentId;
        public Level level;
        public String ratingId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(assessmentId, k.assessmentId) && level == k.level
                    && Objects.equals(ratingId, k.ratingId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(assessmentId, level, ratingId);
        }
    }
}
