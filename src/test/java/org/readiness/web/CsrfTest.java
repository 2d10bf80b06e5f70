package org.readiness.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/**
 * Form posts need the CSRF token of the signed-in session: the token of the page, equal to the csrf-token cookie,
 * both derived from the session (SessionCsrf), and quarkus-rest-csrf's check for any form elsewhere.
 */
@QuarkusTest
class CsrfTest {

    @Test
    void aFormPostElsewhereWithoutATokenIsRefused() {
        given().contentType(ContentType.URLENC).formParam("name", "x").post("/csrf-probe").then().statusCode(400);
    }

    @Test
    void signingOutNeedsTheTokenAndARefusalIsTheGovUkPage() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        lead.get("/web/organisations/" + code).then().statusCode(200);

        refused(lead.postWithout("/web/logout", Map.of()));
        refused(lead.postWithout("/web/logout", Map.of("csrf-token", "AAAAAAAAAAAAAAAAAAAAAA")));
        // No form at all (no Content-Type, no body): quarkus-rest-csrf alone let this through.
        refused(lead.request().post("/web/logout"));

        lead.get("/web/organisations/" + code).then().statusCode(200);
        lead.post("/web/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/web/login?signedOut=true"));
    }

    @Test
    void aTokenFromOneSessionIsRefusedInAnother() {
        String code = Api.createOrganisation();
        WebSession mine = WebSession.signIn(Api.leadOf(code));
        WebSession theirs = WebSession.signIn(Api.respondentOf(code));
        mine.get("/web/organisations/" + code).then().statusCode(200);
        theirs.get("/web/organisations/" + code).then().statusCode(200);
        assertThat(mine.token()).isNotEqualTo(theirs.token());

        // Their token with their CSRF cookie (a pair that passes a plain double-submit check), in my session.
        Map<String, String> cookies = new HashMap<>(mine.signedIn().getCookies());
        cookies.put("csrf-token", theirs.token());
        refused(given().redirects().follow(false).cookies(cookies).contentType(ContentType.URLENC)
                .formParam("csrf-token", theirs.token()).post("/web/logout"));
        // Their token with my cookie.
        refused(mine.postWithout("/web/logout", Map.of("csrf-token", theirs.token())));

        mine.get("/web/organisations/" + code).then().statusCode(200);
    }

    @Test
    void theCsrfAndSessionCookiesAreHttpOnlyStrictAndSetAtSignIn() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        for (String name : List.of("csrf-token", "readiness-session", "quarkus-credential")) {
            String cookie = setCookie(lead.signedIn(), name);
            assertThat(cookie).as(name).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                    .doesNotContain("Secure");
        }
        assertThat(setCookie(lead.signedIn(), "csrf-token")).contains("Path=/");
        lead.get("/web/organisations/" + code).then().statusCode(200);
        assertThat(lead.token()).isEqualTo(lead.signedIn().getCookie("csrf-token"));

        // A browser that lost the CSRF cookie gets its session's again with the next page.
        Map<String, String> withoutCsrf = new HashMap<>(lead.signedIn().getCookies());
        withoutCsrf.remove("csrf-token");
        Response page = given().redirects().follow(false).cookies(withoutCsrf).get("/web/organisations/" + code);
        page.then().statusCode(200);
        assertThat(page.getCookie("csrf-token")).isEqualTo(lead.token());
        assertThat(setCookie(page, "csrf-token")).containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly");
    }

    @Test
    void apiResponsesSetNoCsrfCookie() {
        Response read = Api.admin().get("/api/v1/organisations");
        read.then().statusCode(200);
        assertThat(read.getHeaders().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("csrf-token="));
        Response write = Api.admin().body("{}").post("/api/v1/organisations");
        assertThat(write.getHeaders().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("csrf-token="));
        Response signIn = WebSession.anonymous().get("/web/login");
        assertThat(signIn.getHeaders().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("csrf-token="));
    }

    static void refused(Response response) {
        response.then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("This form could not be accepted"), containsString("reload the page"));
    }

    static String setCookie(Response response, String name) {
        return response.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + " in " + response.getHeaders()));
    }
}
