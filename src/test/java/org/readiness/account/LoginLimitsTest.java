package org.readiness.account;

import org.readiness.account.LoginAudit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Failed logins are counted in one place whatever the mechanism (HTTP Basic, the form login), refused before the
 * password is checked, and audited (docs/security.md, "Failed logins"). Every request here comes from 127.0.0.1;
 * LoginBehindProxyTest has clients at other addresses, LoginThrottleTest the arithmetic.
 */
@QuarkusTest
class LoginLimitsTest {

    private static final Pattern FAILED = Pattern.compile(": (\\d+) failed$");

    @Inject
    LoginAudit audit;

    @Test
    void aRequestWithTwoAuthorizationHeadersIs400AndNoGuessSentThatWayIsEverChecked() {
        String user = Api.respondentOf(Api.createOrganisation());
        for (int i = 0; i < 30; i++) {
            String guess = basic(user, "wrong-password-" + i);
            List<String> headers = i % 2 == 0 ? List.of("Bearer x", guess) : List.of(guess, "Bearer x");
            given().header("Authorization", headers.get(0)).header("Authorization", headers.get(1))
                    .get("/api/v1/questionnaires").then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:readiness:problem:invalid-request"))
                    .body("detail", containsString("one Authorization header"));
        }
        given().header("Authorization", "Bearer x").header("Authorization", basic(user, Api.PASSWORD))
                .get("/api/v1/questionnaires").then().statusCode(400);
        // Single-header guesses are counted, and refused with 429 after the fifth.
        for (int i = 0; i < 30; i++) {
            Api.as(user, "wrong-password-" + i).get("/api/v1/questionnaires").then().statusCode(i < 5 ? 401 : 429);
        }
    }

    @Test
    void theFormLoginIsLimitedTooAndItsFailuresCountWithTheApisOnes() {
        String user = Api.respondentOf(Api.createOrganisation());
        for (int i = 0; i < 3; i++) {
            Api.as(user, "wrong-password-" + i).get("/api/v1/questionnaires").then().statusCode(401);
        }
        for (int i = 0; i < 2; i++) {
            Response wrong = form(user, "wrong-form-password-" + i);
            assertThat(wrong.statusCode()).isEqualTo(302);
            assertThat(wrong.header("Location")).endsWith("/web/login?error=true");
        }
        // Five failures through two mechanisms: the right password is refused on either, before it is checked.
        Response refused = form(user, Api.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/web/login?wait=1");
        assertThat(refused.getCookie("quarkus-credential")).isNull();
        Api.as(user).get("/api/v1/questionnaires").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("type", equalTo("urn:readiness:problem:too-many-requests"));
        // The sign-in page says why, as a GOV.UK error summary, not as JSON.
        given().get("/web/login?wait=1").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("govuk-error-summary"))
                .body(containsString("too many failed attempts to sign in. Wait 1 minute, then try again"));
    }

    @Test
    void xForwardedForIsIgnoredWithoutATrustedProxy() {
        String user = Api.respondentOf(Api.createOrganisation());
        for (int i = 0; i < 5; i++) {
            Api.as(user, "wrong-password").header("X-Forwarded-For", "198.51.100." + i).get("/api/v1/questionnaires")
                    .then().statusCode(401);
        }
        Api.as(user).header("X-Forwarded-For", "198.51.100.99").get("/api/v1/questionnaires").then().statusCode(429);
    }

    @Test
    void failedLoginsAndLockOutsAreAuditedCoalescedPerUserAndAddress() {
        String user = Api.respondentOf(Api.createOrganisation());
        for (int i = 0; i < 8; i++) {
            Api.as(user, "wrong-password-" + i).get("/api/v1/questionnaires").then().statusCode(i < 5 ? 401 : 429);
        }
        audit.write();
        Response entries = Api.admin().queryParam("actor", user).get("/api/v1/audit");
        entries.then().statusCode(200);
        List<String> actions = entries.path("items.action");
        List<String> targets = entries.path("items.target");
        // One lock-out row; the failures as few rows as there were writes (the writer may have run in between),
        // adding up to the 5 checked; the 3 refused attempts are not failures.
        assertThat(actions).containsOnly("login.failed", "login.locked");
        assertThat(targets).filteredOn(t -> t.contains(" until ")).singleElement()
                .satisfies(t -> assertThat(t).startsWith("user/" + user + " at address/127.0.0.1 until "));
        assertThat(targets.stream().map(FAILED::matcher).filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1))).sum())
                .isEqualTo(5);
        Api.admin().get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static Response form(String user, String password) {
        return given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", password).post("/j_security_check");
    }
}
