package org.readiness.persistence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Issue 15, item 12: after some 2,400 requests every create and answer save of the embedded service failed with
 * H2's "Check constraint invalid: ASSESSMENT_STATUS_CK" until a restart. H2 2.4.240 compiles {@code col IN
 * ('A', 'B')} into a set ordered by the session that parsed the check; when a CHECK is created by a migration,
 * that is the pool's connection Flyway used, and once the pool closes that connection (idle removal, max
 * lifetime, a broken connection discarded) every evaluation of the check throws "database closed", which H2
 * reports as the check being invalid (h2database issues 4302/4308, fixed after 2.4.240). Here the pool closes
 * every connection of a freshly migrated database while the database stays open, as the pool's other
 * connections kept it open in the report, and then every kind of write must still work.
 */
@QuarkusTest
@TestProfile(FreshSchemaWritesTest.FreshDatabase.class)
class FreshSchemaWritesTest {

    /** A database of its own, so that this very start is the one that migrated it. */
    public static class FreshDatabase implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestDatabase.class, Map.of(TestDatabase.DATABASE, "fresh_schema")));
        }
    }

    @Inject
    AgroalDataSource pool;

    @Test
    void everyWriteWorksAfterThePoolClosesTheConnectionThatMigratedTheSchema() throws Exception {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse("");
        String password = config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        // Outside the pool, so that closing the pool's connections does not close the database itself (H2 closes
        // a database with its last connection, and reopening it would parse the checks afresh).
        try (Connection keepsTheDatabaseOpen = DriverManager.getConnection(url, user, password)) {
            pool.flush(AgroalDataSource.FlushMode.ALL);

            String organisation = Api.createOrganisation(); // organisation_type_ck
            String id = Api.createDraft(organisation); // assessment_status_ck, as in the report
            Api.putAnswers(id, Api.CRITICAL_ANSWERS + ",{\"question\":\"DL-02\",\"value\":2}")
                    .then().statusCode(200); // assessment_answer_kind_ck
            Api.submit(id).then().statusCode(201); // status update, result_rating_level_ck
            Api.as(Api.leadOf(organisation)).contentType(ContentType.JSON)
                    .body("{\"targets\":[{\"enabler\":\"dedicated-lead\",\"band\":\"DEVELOPING\"}]}")
                    .put("/api/v1/organisations/" + organisation + "/targets")
                    .then().log().ifValidationFails().statusCode(200); // organisation_target_band_ck
        }
    }

    /**
     * The guard for later migrations: on H2 no CHECK may hold a constant IN list, in whatever form it was written
     * (H2 stores the check as it compiled it, so x = 'A' OR x = 'B' shows as an IN list too). Write CASE x WHEN
     * 'A' THEN TRUE ... ELSE FALSE END instead (see V8).
     */
    @Test
    void noCheckConstraintHoldsAnInListOnH2() throws SQLException {
        assumeFalse(TestDatabase.postgres(), "the IN-list fault is H2's");
        List<String> withInLists = new ArrayList<>();
        Pattern inList = Pattern.compile("\\bIN\\s*\\(", Pattern.CASE_INSENSITIVE);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                     + " WHERE CONSTRAINT_SCHEMA = CURRENT_SCHEMA")) {
            int checks = 0;
            while (r.next()) {
                checks++;
                if (inList.matcher(r.getString(2)).find()) {
                    withInLists.add(r.getString(1) + ": " + r.getString(2));
                }
            }
            assertThat(checks).as("check constraints found").isGreaterThan(5);
        }
        assertThat(withInLists).isEmpty();
    }
}
