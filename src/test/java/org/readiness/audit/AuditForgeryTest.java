package org.readiness.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.sql.Connection;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What a database writer without the audit key can do, and that verification finds it: a chain rewritten and
 * rehashed, rows cut from the end with the head moved back, a user made admin in app_user. Each test puts the
 * database back as it was (ChainTampering), so the shared chain stays whole for the tests after it.
 */
@QuarkusTest
class AuditForgeryTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aChainRewrittenAndRehashedWithoutTheKeyIsFound() throws Exception {
        String code = Api.createOrganisation();
        long row = Api.count(db, "SELECT MAX(id) FROM audit_log WHERE target = ?", "organisation/" + code);
        Api.createOrganisation();
        try (var kept = ChainTampering.keep(db, row)) {
            // Every later row rehashed and the head moved: the chain is consistent, but not under the key.
            ChainTampering.rewrite(db, row, "someone-else", false);
            Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false))
                    .body("brokenAt", equalTo((int) row)).body("reason", containsString("row_hash"));
            // Passed off as rows from before the key came in: unkeyed rows may only come first.
            ChainTampering.rewrite(db, row, "someone-else", true);
            Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false))
                    .body("brokenAt", equalTo((int) row)).body("reason", containsString("no key id"));
        }
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    /**
     * A deployment upgraded with data: rows from before V7 (plain sha-256, no key id) still verify, and keyed rows
     * follow them. Turning a whole chain into such rows is the one rewrite the chain alone cannot show; a head
     * published before does.
     */
    @Test
    void unkeyedRowsFromBeforeTheKeyStillVerifyAndOnlyAPublishedHeadPinsThem() throws Exception {
        Api.createOrganisation();
        int sequence = Api.auditor().get("/api/v1/audit/head").then().extract().path("sequence");
        String hash = Api.auditor().get("/api/v1/audit/head").then().extract().path("hash");
        try (var kept = ChainTampering.keep(db, 1)) {
            ChainTampering.rewrite(db, 1, null, true);
            Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true))
                    .body("unkeyedRows", equalTo(sequence));
            Api.createOrganisation();
            Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true))
                    .body("unkeyedRows", equalTo(sequence)).body("rows", equalTo(sequence + 1));
            Api.auditor().get("/api/v1/audit/verify?sequence=" + sequence + "&hash=" + hash).then().statusCode(200)
                    .body("valid", equalTo(false)).body("brokenAt", equalTo(sequence))
                    .body("reason", containsString("published head"));
        }
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true))
                .body("unkeyedRows", equalTo(0));
    }

    @Test
    void rowsCutFromTheEndAreFoundAgainstAPublishedHead() throws Exception {
        Api.createOrganisation();
        int sequence = Api.auditor().get("/api/v1/audit/head").then().statusCode(200).extract().path("sequence");
        String hash = Api.auditor().get("/api/v1/audit/head").then().extract().path("hash");
        Api.auditor().get("/api/v1/audit/verify?sequence=" + sequence + "&hash=" + hash).then().statusCode(200)
                .body("valid", equalTo(true));
        long cut = sequence - 1;
        try (var kept = ChainTampering.keep(db, cut)) {
            ChainTampering.truncate(db, cut);
            // The shortened chain holds together on its own ...
            Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
            // ... but does not reach the head published before.
            Api.auditor().get("/api/v1/audit/verify?sequence=" + sequence + "&hash=" + hash).then().statusCode(200)
                    .body("valid", equalTo(false)).body("reason", containsString("rows were removed"))
                    .body("brokenAt", equalTo((int) cut));
        }
        // A head that the chain holds a different row for: rewritten up to it.
        String other = hash.replace(hash.charAt(0), hash.charAt(0) == 'a' ? 'b' : 'a');
        Api.auditor().get("/api/v1/audit/verify?sequence=" + sequence + "&hash=" + other).then().statusCode(200)
                .body("valid", equalTo(false)).body("brokenAt", equalTo(sequence))
                .body("reason", containsString("published head"));
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void theHeadNamesTheLastRowForAuditorsAndAdmins() throws Exception {
        Api.createOrganisation();
        long last = Api.count(db, "SELECT MAX(id) FROM audit_log", null);
        Api.admin().get("/api/v1/audit/head").then().statusCode(200).body("sequence", equalTo((int) last))
                .body("hash", equalTo(ChainTampering.head(db)[1]));
        Api.analyst().get("/api/v1/audit/head").then().statusCode(403);
        Api.as(Api.leadOf(Api.createOrganisation())).get("/api/v1/audit/head").then().statusCode(403);
    }

    @Test
    void aPublishedHeadMustBeWholeAndWellFormed() {
        Api.auditor().get("/api/v1/audit/verify?sequence=3").then().statusCode(400)
                .contentType("application/problem+json").body("errors.pointer", hasItem("hash"));
        Api.auditor().get("/api/v1/audit/verify?hash=" + "a".repeat(64)).then().statusCode(400)
                .body("errors.pointer", hasItem("sequence"));
        Api.auditor().get("/api/v1/audit/verify?sequence=-1&hash=XYZ").then().statusCode(400)
                .body("errors.pointer", hasItem("sequence")).body("errors.pointer", hasItem("hash"));
    }

    @Test
    void aUserMadeAdminOrAddedInTheDatabaseIsReportedByName() throws Exception {
        String respondent = Api.respondentOf(Api.createOrganisation());
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
        try (Connection c = db.getConnection()) {
            ChainTampering.update(c, "UPDATE app_user SET roles = 'admin', organisation_id = NULL WHERE username = ?", respondent);
            ChainTampering.update(c, "INSERT INTO app_user (username, password, roles, created_by, created_at, updated_at) "
                    + "SELECT 'sql-admin', password, 'admin', 'sql', created_at, updated_at FROM app_user WHERE username = ?",
                    respondent);
            try {
                Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false))
                        .body("reason", containsString("2 user(s) disagree with the audited history"))
                        .body("users.find { it.username == '" + respondent + "' }.reason", containsString("roles"))
                        .body("users.find { it.username == 'sql-admin' }.reason", containsString("no audit row"));
            } finally {
                ChainTampering.update(c, "DELETE FROM app_user WHERE username = 'sql-admin'");
                ChainTampering.update(c, "UPDATE app_user SET roles = 'respondent', organisation_id = "
                        + "(SELECT id FROM organisation WHERE code = ?) WHERE username = ?",
                        respondent.substring("respondent-".length()).toUpperCase(), respondent);
            }
        }
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }
}
