package org.readiness.ruleset;

import org.readiness.persistence.Digests;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.ruleset.RulesetService;
import org.readiness.testing.Api;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Replay compiles kept rulesets from the database, and rules run as code: a ruleset written into the database by
 * another hand (no seal, or a seal not made with the service's key) is never compiled, so whoever can write to the
 * database cannot make the service run code through a replay.
 */
@QuarkusTest
class SealedArchiveTest {

    @Inject
    DataSource db;

    @Inject
    RulesetService rulesets;

    @Test
    void aRulesetPlantedInTheDatabaseIsNeverCompiledByAReplay() throws SQLException {
        String id = Api.submitted("");
        String kept = Api.owner(id).get("/api/v1/assessments/" + id + "/result").then().extract().path("ruleset.version");
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200).body("identical", equalTo(true));

        for (String seal : new String[]{null, "0".repeat(64)}) {
            Path written = Path.of("target", "replay-written-" + UUID.randomUUID()).toAbsolutePath();
            Map<String, String> files = keptFiles(kept);
            files.put(FileWritingRule.PATH, FileWritingRule.writing(written, "written by planted rules"));
            String planted = rulesets.compiler().compile(files, "planted").version();
            plant(planted, files, seal);
            try {
                point(id, planted);
                Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(422)
                        .contentType("application/problem+json").body("detail", containsString("seal"));
                assertThat(written).as("no planted rule ran").doesNotExist();
            } finally {
                point(id, kept);
                remove(planted);
            }
        }
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200).body("identical", equalTo(true));
    }

    private Map<String, String> keptFiles(String version) throws SQLException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT path, content FROM ruleset_file WHERE version = ? ORDER BY path")) {
            s.setString(1, version);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    files.put(r.getString(1), r.getString(2));
                }
            }
        }
        assertThat(files).isNotEmpty();
        return files;
    }

    private void plant(String version, Map<String, String> files, String seal) throws SQLException {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO ruleset_version (version, origin, first_seen, key_id, seal) VALUES (?, 'planted', ?, ?, ?)")) {
                s.setString(1, version);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.setString(3, seal == null ? null : "0123456789abcdef");
                s.setString(4, seal);
                s.executeUpdate();
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO ruleset_file (version, path, sha256, content) VALUES (?, ?, ?, ?)")) {
                    s.setString(1, version);
                    s.setString(2, f.getKey());
                    s.setString(3, Digests.sha256(f.getValue()));
                    s.setString(4, f.getValue());
                    s.executeUpdate();
                }
            }
        }
    }

    private void point(String assessment, String version) throws SQLException {
        update("UPDATE assessment_result SET ruleset_version = ? WHERE assessment_id = ?", version, UUID.fromString(assessment));
    }

    private void remove(String version) throws SQLException {
        update("DELETE FROM ruleset_file WHERE version = ?", version, null);
        update("DELETE FROM ruleset_version WHERE version = ?", version, null);
    }

    private void update(String sql, String first, Object second) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, first);
            if (second != null) {
                s.setObject(2, second);
            }
            s.executeUpdate();
        }
    }
}
