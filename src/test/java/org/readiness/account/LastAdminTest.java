package org.readiness.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.readiness.audit.HeadPublishingTest;
import org.readiness.testing.Api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The last admin cannot lose the admin role (users cannot be deleted, so no other way leaves none). On a database
 * of its own, where the first admin is the only one.
 */
@QuarkusTest
@TestProfile(HeadPublishingTest.SmallChain.class)
class LastAdminTest {

    @Test
    void theLastAdminKeepsTheAdminRoleUntilThereIsAnother() {
        Api.admin().body("{\"roles\":[\"auditor\"]}").put("/api/v1/users/" + Api.ADMIN).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("last admin"));
        Api.admin().get("/api/v1/users/" + Api.ADMIN).then().body("roles", containsInAnyOrder("admin"));
        // Other changes of the last admin are fine, so long as it stays admin.
        Api.admin().body("{\"roles\":[\"admin\",\"auditor\"]}").put("/api/v1/users/" + Api.ADMIN).then().statusCode(200);

        String second = Api.user("second-admin", "admin", null);
        Api.admin().body("{\"roles\":[\"analyst\"]}").put("/api/v1/users/" + second).then().statusCode(200);
        Api.admin().body("{\"roles\":[\"admin\"]}").put("/api/v1/users/" + second).then().statusCode(200);
        // With another admin, the first may step down; then the other is the last one.
        Api.admin().body("{\"roles\":[\"auditor\"]}").put("/api/v1/users/" + Api.ADMIN).then().statusCode(200);
        Api.as(second).body("{\"roles\":[\"analyst\"]}").put("/api/v1/users/" + second).then().statusCode(409);
        Api.as(second).body("{\"roles\":[\"admin\"]}").put("/api/v1/users/" + Api.ADMIN).then().statusCode(200);
        // Users cannot be deleted at all, the last admin included.
        Api.admin().delete("/api/v1/users/" + Api.ADMIN).then().statusCode(405);
        Api.auditor().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }
}
