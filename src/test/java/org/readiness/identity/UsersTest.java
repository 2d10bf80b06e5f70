package org.readiness.identity;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Admins create users, change roles and passwords; the first admin came from readiness.admin.* at start. */
@QuarkusTest
class UsersTest {

    @Test
    void theFirstAdminComesFromConfigurationAndCreatesUsers() {
        Api.admin().get("/api/v1/users/" + Api.ADMIN).then().statusCode(200).body("roles", containsInAnyOrder("admin"))
                .body("createdBy", equalTo("system"));
        String code = Api.createOrganisation();
        String name = "user-" + code.toLowerCase();
        Api.admin().body("{\"username\":\"" + name + "\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":[\"respondent\"],"
                        + "\"organisation\":\"" + code + "\"}").post("/api/v1/users")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/users/" + name))
                .body("organisation", equalTo(code)).body("password", nullValue());
        Api.admin().body("{\"username\":\"" + name + "\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":[\"analyst\"]}")
                .post("/api/v1/users").then().statusCode(409);
        Api.admin().get("/api/v1/users").then().statusCode(200).body("username", hasItem(name))
                .body(not(org.hamcrest.Matchers.containsString("$2a$")));
        Api.as(name).get("/api/v1/organisations").then().statusCode(200).body("code", containsInAnyOrder(code));

        // A new password replaces the old one; roles and organisation change together.
        Api.admin().body("{\"password\":\"another-password-2\"}").put("/api/v1/users/" + name).then().statusCode(200);
        Api.as(name).get("/api/v1/organisations").then().statusCode(401);
        Api.as(name, "another-password-2").get("/api/v1/organisations").then().statusCode(200);
        Api.admin().body("{\"roles\":[\"auditor\"],\"organisation\":null}").put("/api/v1/users/" + name)
                .then().statusCode(200).body("roles", containsInAnyOrder("auditor")).body("organisation", nullValue());
        Api.as(name, "another-password-2").get("/api/v1/audit").then().statusCode(200);
        Api.admin().put("/api/v1/users/nobody-here").then().statusCode(400);
        Api.admin().body("{}").put("/api/v1/users/nobody-here").then().statusCode(404);
    }

    @Test
    void organisationRolesNeedAnOrganisationAndNationalRolesNone() {
        String code = Api.createOrganisation();
        Api.admin().body("{\"username\":\"no-org\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":[\"org-lead\"]}")
                .post("/api/v1/users").then().statusCode(400).body("errors[0].pointer", equalTo("/organisation"));
        Api.admin().body("{\"username\":\"org-analyst\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":[\"analyst\"],"
                + "\"organisation\":\"" + code + "\"}").post("/api/v1/users").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/organisation"));
        Api.admin().body("{\"username\":\"mixed\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":[\"respondent\",\"admin\"],"
                + "\"organisation\":\"" + code + "\"}").post("/api/v1/users").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/roles"));
        Api.admin().body("{\"username\":\"ghost-org\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":[\"respondent\"],"
                + "\"organisation\":\"S99999991\"}").post("/api/v1/users").then().statusCode(400)
                .body("errors[0].pointer", equalTo("/organisation"));
    }

    @Inject
    DataSource db;

    @Test
    void aChangeThatChangesNothingAddsNoAuditEntry() {
        String code = Api.createOrganisation();
        String name = Api.respondentOf(code);
        String audited = "SELECT COUNT(*) FROM audit_log WHERE target = ?";
        long before = Api.count(db, audited, "user/" + name);
        Api.admin().body("{}").put("/api/v1/users/" + name).then().statusCode(200)
                .body("roles", containsInAnyOrder("respondent")).body("organisation", equalTo(code));
        Api.admin().body("{\"roles\":[\"respondent\"],\"organisation\":\"" + code + "\"}").put("/api/v1/users/" + name)
                .then().statusCode(200);
        assertEquals(before, Api.count(db, audited, "user/" + name), "audit entries after changes that change nothing");
        Api.admin().body("{\"roles\":[\"org-lead\"]}").put("/api/v1/users/" + name).then().statusCode(200);
        assertEquals(before + 1, Api.count(db, audited, "user/" + name), "audit entries after a real change");
    }
}
