package org.readiness.account;

import org.readiness.account.FirstAdmin;

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

    @Test
    void passwordsAreTwelveCharactersToSeventyTwoBytesAndNotAllWhiteSpace() {
        String code = Api.createOrganisation();
        String name = "pw-" + code.toLowerCase();
        for (String wrong : new String[]{"elevenchars", " ".repeat(12), "\u00a0\t".repeat(6), "a".repeat(73), "ü".repeat(37)}) {
            Api.admin().body(java.util.Map.of("username", name, "password", wrong, "roles", java.util.List.of("analyst")))
                    .post("/api/v1/users").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/password"))
                    .body(not(org.hamcrest.Matchers.containsString(wrong.trim().isEmpty() ? "\"" + wrong + "\"" : wrong)));
        }
        Api.admin().body("{\"username\":\"" + name + "\",\"password\":\"   \",\"roles\":[\"analyst\"]}").post("/api/v1/users")
                .then().statusCode(400).body("errors.detail", org.hamcrest.Matchers.hasItems(
                        org.hamcrest.Matchers.containsString("at least 12 characters"),
                        org.hamcrest.Matchers.containsString("white space")));
        Api.admin().body(java.util.Map.of("password", "x".repeat(73))).put("/api/v1/users/" + Api.ADMIN).then().statusCode(400)
                .body("errors[0].detail", org.hamcrest.Matchers.containsString("72 bytes"));

        // 72 bytes is the most; a longer password that starts the same way does not sign in, as bcrypt alone would let it.
        String longest = "p".repeat(71) + "!";
        Api.admin().body(java.util.Map.of("username", name, "password", longest, "roles", java.util.List.of("analyst")))
                .post("/api/v1/users").then().statusCode(201);
        Api.as(name, longest).get("/api/v1/organisations").then().statusCode(200);
        Api.as(name, longest + "anything").get("/api/v1/organisations").then().statusCode(401);
        Api.as(name, longest + "x").get("/api/v1/organisations").then().statusCode(401);
    }

    @Test
    void theFirstAdminPasswordFollowsTheSameRules() {
        for (String wrong : new String[]{"short-pw", " ".repeat(14), "y".repeat(80)}) {
            IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> FirstAdmin.checkPassword(wrong));
            org.assertj.core.api.Assertions.assertThat(refused.getMessage()).contains("READINESS_ADMIN_PASSWORD")
                    .doesNotContain(wrong);
        }
        FirstAdmin.checkPassword(Api.ADMIN_PASSWORD);
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
