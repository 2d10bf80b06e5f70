package org.readiness.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.identity.Stamp;
import org.readiness.testing.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every write appends one hash-chained row; verification finds an edited row; concurrent writers never fork the chain. */
@QuarkusTest
class AuditLogTest {

    @Inject
    AgroalDataSource db;

    @Inject
    AuditLog audit;

    @Inject
    AuditKeys keys;

    @Test
    void everyWriteAppendsOneRowWithWhoWhatAndDigests() {
        String code = Api.createOrganisation();
        String id = Api.createDraft(code);
        String lead = Api.leadOf(code);
        Api.putAnswers(id, Api.CRITICAL_ANSWERS).then().statusCode(200);
        Api.owner(id).delete("/api/v1/assessments/" + id + "/answers/PT-01").then().statusCode(200);
        Api.putAnswers(id, "{\"question\":\"PT-01\",\"value\":1}").then().statusCode(200);
        Api.submit(id).then().statusCode(201);
        Api.submit(id).then().statusCode(200); // writes nothing, so no row

        Api.auditor().get("/api/v1/audit?actor=" + lead + "&size=100").then().statusCode(200)
                .body("items.action", equalTo(List.of("assessment.submit", "assessment.answers.put",
                        "assessment.answers.delete", "assessment.answers.put", "assessment.create")))
                .body("items.target", everyItem(org.hamcrest.Matchers.startsWith("assessment/" + id)))
                .body("items[0].beforeDigest", notNullValue()).body("items[0].afterDigest", notNullValue())
                .body("items[4].beforeDigest", nullValue());
        Api.admin().get("/api/v1/audit?actor=" + Api.ADMIN + "&size=100").then().statusCode(200)
                .body("items.target", hasItems("organisation/" + code, "user/" + lead));
        Api.auditor().get("/api/v1/audit?from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z").then().statusCode(200)
                .body("total", equalTo(0));
        Api.auditor().get("/api/v1/audit?from=yesterday").then().statusCode(400).body("errors[0].pointer", equalTo("from"));
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void concurrentWritersNeverForkTheChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(Api::createOrganisation));
            }
            for (Future<String> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        assertEquals(Api.count(db, "SELECT COUNT(*) FROM audit_log", null),
                Api.count(db, "SELECT last_id FROM audit_head", null), "numbered without gaps");
    }

    /**
     * The row hash is computed from the values in hand and verified from the values read back (on PostgreSQL written
     * by AuditLog.APPEND_POSTGRES): text beyond ASCII, a time with no fraction of a second and an absent digest must
     * read back as they were hashed.
     */
    @Test
    void anAppendOfAnyTextVerifiesAsWritten() {
        AuditEntry e = QuarkusTransaction.requiringNew().call(() -> audit.append("test.append", "Zoë/ünïcödé ✓ 𝄞",
                null, Map.of("name", "Ærø"), Stamp.of("zoë-ø 😀", Instant.parse("2026-01-02T03:04:05Z"))));
        assertEquals(keys.rowHash(e), e.rowHash, "the hash returned is the row's");
        assertEquals(keys.currentId(), e.keyId, "new rows are keyed with the current key");
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void verificationFindsARowEditedInTheDatabase() throws Exception {
        String code = Api.createOrganisation();
        long row = Api.count(db, "SELECT MAX(id) FROM audit_log WHERE target = ?", "organisation/" + code);
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        String actor;
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT actor FROM audit_log WHERE id = ?")) {
                s.setLong(1, row);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    actor = r.getString(1);
                }
            }
            update(c, "UPDATE audit_log SET actor = 'someone-else' WHERE id = ?", row);
            try {
                Api.admin().get("/api/v1/audit/verify").then().statusCode(200)
                        .body("valid", equalTo(false)).body("brokenAt", equalTo((int) row))
                        .body("reason", org.hamcrest.Matchers.containsString("row_hash"));
            } finally {
                try (PreparedStatement s = c.prepareStatement("UPDATE audit_log SET actor = ? WHERE id = ?")) {
                    s.setString(1, actor);
                    s.setLong(2, row);
                    s.executeUpdate();
                }
            }
        }
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    private static void update(Connection c, String sql, long id) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            assertEquals(1, s.executeUpdate());
        }
    }
}
