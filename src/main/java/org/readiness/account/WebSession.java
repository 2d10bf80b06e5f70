package org.readiness.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A signed-in session of the web pages (V6 migration); see {@link WebSessions}. */
@Entity
@Table(name = "web_session")
public class WebSession extends PanacheEntityBase {

    /** sha-256 of the session id; the id itself is only in the browser's cookie. */
    @Id
    @Column(name = "id_digest")
    public String idDigest;

    @Column(nullable = false, updatable = false)
    public String username;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The last request with this session, to the minute (quarkus.http.auth.form.new-cookie-interval). */
    @Column(name = "seen_at", nullable = false)
    public Instant seenAt;
}
