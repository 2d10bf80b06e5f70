package org.readiness.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** A ruleset version kept for replay; its files are {@link StoredRuleFile} rows. Never updated. */
@Entity
@Immutable
@Table(name = "ruleset_version")
public class StoredRuleset extends PanacheEntityBase {

    @Id
    public String version;

    @Column(nullable = false)
    public String origin;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    /** The id of the audit key that made {@link #seal}. */
    @Column(name = "key_id")
    public String keyId;

    /** HMAC of the version under the audit key: only this service can keep a ruleset that it will compile again. */
    public String seal;
}
