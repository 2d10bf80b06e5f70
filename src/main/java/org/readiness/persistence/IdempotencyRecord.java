package org.readiness.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The first successful answer to a creation sent with an Idempotency-Key (V5 migration). */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    /** sha-256 of the principal and the key: keys are per caller. */
    @Id
    @Column(name = "key_digest")
    public String keyDigest;

    @Column(nullable = false)
    public String principal;

    @Column(name = "idempotency_key", nullable = false)
    public String key;

    /** Method and path template, such as "POST /api/v1/organisations". */
    @Column(nullable = false)
    public String operation;

    /** sha-256 of the operation and the canonical JSON of the body: the same key with another body is refused. */
    @Column(name = "request_digest", nullable = false)
    public String requestDigest;

    @Column(nullable = false)
    public int status;

    public String location;

    public String etag;

    // TEXT in the migration, like assessment_result.result_json.
    @Column(name = "response_json", nullable = false)
    public String responseJson;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
