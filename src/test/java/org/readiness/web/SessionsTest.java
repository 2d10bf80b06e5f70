package org.readiness.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.account.WebSessions;
import org.readiness.testing.Api;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/**
 * The pages' sessions end on the server: a copy of a session's cookies is refused once the session is signed out,
 * once its user's password or roles change, and at once when its row is gone (as another instance's sign-out
 * leaves it: nothing is cached). And nothing a session shows is kept in a cache.
 */
@QuarkusTest
class SessionsTest {

    @Inject
    DataSource db;

    @Inject
    WebSessions sessions;

    @Test
    void aCopyOfTheCookiesTakenBeforeSigningOutIsRefusedAfterIt() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        Map<String, String> copy = lead.signedIn().getCookies();
        page(copy, code).then().statusCode(200);

        lead.get("/web/organisations/" + code).then().statusCode(200);
        lead.post("/web/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/web/login?signedOut=true"));

        page(copy, code).then().statusCode(302).header("Location", endsWith("/web/login"));
        given().cookies(copy).get("/api/v1/organisations").then().statusCode(401);
    }

    @Test
    void aPasswordChangeEndsEverySessionOfThatUserOnly() {
        String code = Api.createOrganisation();
        String lead = Api.leadOf(code);
        WebSession first = WebSession.signIn(lead);
        WebSession second = WebSession.signIn(lead);
        WebSession someoneElse = WebSession.signIn(Api.respondentOf(code));
        assertThat(sessions.count(lead)).isEqualTo(2);

        Api.admin().body("{\"password\":\"another-password-2\"}").put("/api/v1/users/" + lead).then().statusCode(200);

        assertThat(sessions.count(lead)).isZero();
        for (WebSession ended : new WebSession[]{first, second}) {
            ended.get("/web/organisations/" + code).then().statusCode(302).header("Location", endsWith("/web/login"));
        }
        someoneElse.get("/web/organisations/" + code).then().statusCode(200);
    }

    @Test
    void aRoleChangeEndsTheUsersSessions() {
        String code = Api.createOrganisation();
        String lead = Api.leadOf(code);
        WebSession session = WebSession.signIn(lead);
        session.get("/web/organisations/" + code + "/progress").then().statusCode(200);

        Api.admin().body("{\"roles\":[\"respondent\"]}").put("/api/v1/users/" + lead).then().statusCode(200);

        session.get("/web/organisations/" + code).then().statusCode(302).header("Location", endsWith("/web/login"));
    }

    @Test
    void aSessionWhoseRowIsGoneIsRefusedAtTheNextRequest() throws Exception {
        String code = Api.createOrganisation();
        String lead = Api.leadOf(code);
        WebSession session = WebSession.signIn(lead);
        session.get("/web/organisations/" + code).then().statusCode(200);
        // What another instance's sign-out or user change leaves behind: no row. Nothing of it is cached here.
        try (Connection c = db.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM web_session WHERE username = ?")) {
            delete.setString(1, lead);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        session.get("/web/organisations/" + code).then().statusCode(302).header("Location", endsWith("/web/login"));
    }

    @Test
    void theFormCookieAloneSignsNothingIn() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        Map<String, String> formCookieOnly = Map.of("quarkus-credential", lead.signedIn().getCookie("quarkus-credential"));
        page(formCookieOnly, code).then().statusCode(302).header("Location", endsWith("/web/login"));
    }

    @Test
    void pagesDownloadsTheSignInAndTheApiAreNeverCached() {
        Api.submitted("");
        WebSession analyst = WebSession.signIn(Api.user(Api.ANALYST, "analyst", null));
        assertThat(analyst.signedIn().getHeader("Cache-Control")).isEqualTo("no-store");
        for (String path : new String[]{"/web/", "/web/comparison", "/web/comparison/download?format=csv&questionnaire="
                + Api.QUESTIONNAIRE, "/web/no/such/page", "/web/login"}) {
            analyst.get(path).then().header("Cache-Control", equalTo("no-store"));
        }
        Api.admin().get("/api/v1/organisations").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        WebSession.anonymous().get("/web/").then().statusCode(302).header("Cache-Control", equalTo("no-store"));
        analyst.get("/web/").then().body(containsString("Organisations"));
    }

    private static Response page(Map<String, String> cookies, String code) {
        return given().cookies(cookies).redirects().follow(false).get("/web/organisations/" + code);
    }
}
