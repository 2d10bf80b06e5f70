package org.readiness.ruleset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.io.Serializable;

/** One file of a kept ruleset version, with its content as it was when that version was built. */
@Entity
@Immutable
@Table(name = "ruleset_file")
public class StoredRuleFile extends PanacheEntityBase {

    @Embeddable
    public record Key(String version, String path) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public String content;
}
