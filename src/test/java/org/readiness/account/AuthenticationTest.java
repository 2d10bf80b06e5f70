package org.readiness.account;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.CapturedLog;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP Basic and form login, the 401 shape, lock-out after failed logins, security headers, error bodies. */
@QuarkusTest
class AuthenticationTest {

    @Test
    void noOrWrongCredentialsAre401ProblemsWithABasicChallengeNeverARedirect() {
        for (Response r : List.of(
                given().redirects().follow(false).get("/api/v1/questionnaires"),
                given().redirects().follow(false).auth().preemptive().basic(Api.ADMIN, "wrong-password").get("/api/v1/questionnaires"),
                given().redirects().follow(false).auth().preemptive().basic("nobody-at-all", "wrong-password").get("/api/v1/questionnaires"))) {
            r.then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Basic realm=\"readiness\"")
                    .body("status", equalTo(401)).body("type", equalTo("urn:readiness:problem:unauthorized"));
        }
        // An unknown user and a wrong password look the same.
        String unknown = given().auth().preemptive().basic("nobody-at-all-2", "x").get("/api/v1/rules").asString();
        String wrong = given().auth().preemptive().basic(Api.ADMIN, "x").get("/api/v1/rules").asString();
        assertEquals(unknown, wrong);
    }

    @Test
    void theFormLoginSignsInADatabaseUserWithACookie() {
        String user = Api.respondentOf(Api.createOrganisation());
        Response ok = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", Api.PASSWORD).post("/j_security_check");
        assertEquals(302, ok.statusCode());
        assertTrue(ok.getCookie("quarkus-credential") != null, "session cookie set");
        Response bad = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", "not-the-password").post("/j_security_check");
        assertTrue(bad.statusCode() == 401 || bad.statusCode() == 302, "refused: " + bad.statusCode());
        assertTrue(bad.getCookie("quarkus-credential") == null, "no session for a wrong password");
        // The session's cookies sign in to the API too, as the same user; the form cookie alone, without its
        // server-side session (WebSessions), does not.
        given().cookies(ok.getCookies()).get("/api/v1/organisations").then().statusCode(200);
        given().cookie("quarkus-credential", ok.getCookie("quarkus-credential")).get("/api/v1/organisations")
                .then().statusCode(401);
    }

    @Test
    void repeatedFailedLoginsLockTheUsernameOutFor429EvenWithTheRightPassword() {
        String user = Api.respondentOf(Api.createOrganisation());
        Api.as(user).get("/api/v1/questionnaires").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            Api.as(user, "wrong-password-" + i).get("/api/v1/questionnaires").then().statusCode(401);
        }
        Api.as(user).get("/api/v1/questionnaires").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("type", equalTo("urn:readiness:problem:too-many-requests"));
        // Other users are not affected.
        Api.analyst().get("/api/v1/questionnaires").then().statusCode(200);
    }

    @Test
    void aFailedLoginsPasswordIsNeverLogged() {
        String secret = "Secret-Passw0rd-" + System.nanoTime();
        List<String> logged = CapturedLog.during(() -> {
            given().auth().preemptive().basic(Api.ADMIN, secret).get("/api/v1/users").then().statusCode(401);
            given().contentType(ContentType.URLENC).formParam("j_username", Api.ADMIN).formParam("j_password", secret)
                    .post("/j_security_check");
            Api.admin().body("{\"username\":\"u-" + System.nanoTime() + "\",\"password\":\"" + secret
                    + "\",\"roles\":[\"analyst\"]}").post("/api/v1/users").then().statusCode(201);
        });
        assertFalse(logged.stream().anyMatch(l -> l.contains(secret)), "the password appeared in the log: " + logged);
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (Response r : List.of(Api.analyst().get("/api/v1/questionnaires"), given().get("/api/v1/questionnaires"),
                given().get("/q/health"), Api.analyst().get("/api/v1/assessments/not-an-id"))) {
            r.then().header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        }
        Api.analyst().get("/api/v1/questionnaires").then().header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Cache-Control", "no-store");
    }

    @Test
    void crossSiteWritesFromABrowserAreRefused() {
        String code = Api.createOrganisation();
        Api.as(Api.leadOf(code)).header("Sec-Fetch-Site", "cross-site")
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-06\"}")
                .post("/api/v1/assessments").then().statusCode(403).contentType("application/problem+json");
        Api.as(Api.leadOf(code)).header("Origin", "https://evil.example")
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-06\"}")
                .post("/api/v1/assessments").then().statusCode(403);
        Api.as(Api.leadOf(code)).header("Sec-Fetch-Site", "same-origin")
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-06\"}")
                .post("/api/v1/assessments").then().statusCode(201);
    }

    @Test
    void errorBodiesHoldNoStackTraceOrSql() {
        List<Response> errors = List.of(
                Api.analyst().get("/api/v1/assessments/%27%3B%20DROP%20TABLE%20assessment"),
                Api.admin().body("{\"code\":").post("/api/v1/organisations"),
                Api.admin().body("{\"code\":\"S12345678\",\"name\":\"" + "x".repeat(300) + "\",\"type\":\"OTHER\"}").post("/api/v1/organisations"),
                Api.admin().body("{\"username\":\"x\",\"password\":\"short\",\"roles\":[\"king\"]}").post("/api/v1/users"),
                given().get("/api/v1/users"));
        for (Response r : errors) {
            String body = r.asString();
            r.then().contentType("application/problem+json");
            for (String leak : new String[]{"Exception", "\tat ", "at org.", "SELECT", "INSERT", "SQL", "short"}) {
                assertFalse(body.contains(leak), leak + " in " + body);
            }
        }
        Api.admin().body("{\"username\":\"x\",\"password\":\"short\",\"roles\":[\"king\"]}").post("/api/v1/users")
                .then().statusCode(400).body("errors.pointer", org.hamcrest.Matchers.hasItems("/username", "/password", "/roles/0"))
                .body(not(containsString("short")));
    }
}
