package org.readiness.seed;

import org.readiness.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.readiness.testing.H2Only;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded default as a first start meets it: the production JDBC URL (an H2 file under
 * readiness.data-dir), a folder that does not exist yet, seeds on. No test database is supplied here.
 */
@QuarkusTest
@H2Only
@TestProfile(EmbeddedDefaultTest.FirstStart.class)
class EmbeddedDefaultTest {

    static final Path DATA_DIR = Path.of(".", "target", "embedded-default", UUID.randomUUID().toString());

    public static class FirstStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("readiness.data-dir", DATA_DIR.toString(), "readiness.seeds.enabled", "true");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Inject
    DataSource db;

    @Test
    void createsMigratesAndSeedsAFileDatabaseUnderTheDataDir() throws Exception {
        assertTrue(url.startsWith("jdbc:h2:file:" + DATA_DIR + "/readiness"), url);
        assertTrue(Files.isRegularFile(DATA_DIR.resolve("readiness.mv.db")), "the database file under " + DATA_DIR);
        try (Connection c = db.getConnection();
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1' AND \"success\"")) {
            assertTrue(r.next());
            assertEquals(1, r.getInt(1), "migration V1 applied");
        }
        // The demo users come with the seeds (password "demo"); a lead sees only its own organisation.
        Api.as("analyst", "demo").get("/api/v1/organisations").then().statusCode(200)
                .body("code", containsInAnyOrder("S12000035", "S12000049", "S12000019"));
        Api.as("lead-s12000035", "demo").get("/api/v1/organisations").then().statusCode(200)
                .body("code", containsInAnyOrder("S12000035"));
        for (String user : new String[]{"admin", "auditor", "respondent-s12000049", "lead-s12000019"}) {
            Api.as(user, "demo").get("/api/v1/questionnaires").then().statusCode(200);
        }
    }
}
