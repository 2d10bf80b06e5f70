package org.readiness.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/**
 * One row of the audit log. Immutable to Hibernate: rows are inserted by {@link AuditLog#append} and never
 * updated or deleted by the service.
 */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String target;

    @Column(name = "before_digest")
    public String beforeDigest;

    @Column(name = "after_digest")
    public String afterDigest;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(name = "row_hash", nullable = false)
    public String rowHash;

    /** The id of the key row_hash is an HMAC under (AuditKeys); null for a plain sha-256 row made before V7. */
    @Column(name = "key_id")
    public String keyId;
}
