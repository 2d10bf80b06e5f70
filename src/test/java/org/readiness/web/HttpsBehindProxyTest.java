package org.readiness.web;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.DeployedSettings;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy that the service is told to trust (quarkus.http.proxy.*, docs/operations.md), a
 * request the proxy marks as HTTPS gets HSTS and Secure cookies; a plain HTTP one neither.
 */
@QuarkusTest
@TestProfile(DeployedSettings.class)
class HttpsBehindProxyTest {

    @Test
    void httpsFromTheProxyGetsHstsAndSecureCookies() {
        Response signIn = signIn("https");
        assertThat(signIn.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        for (String name : List.of("quarkus-credential", "readiness-session", "csrf-token")) {
            assertThat(CsrfTest.setCookie(signIn, name)).as(name).contains("Secure").containsIgnoringCase("HttpOnly");
        }
        Api.admin().header("X-Forwarded-Proto", "https").get("/api/v1/organisations").then().statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000");
    }

    @Test
    void plainHttpGetsNeither() {
        Response signIn = signIn("http");
        assertThat(signIn.getHeader("Strict-Transport-Security")).isNull();
        for (String name : List.of("quarkus-credential", "readiness-session", "csrf-token")) {
            assertThat(CsrfTest.setCookie(signIn, name)).as(name).doesNotContain("Secure");
        }
    }

    private static Response signIn(String scheme) {
        Response r = given().redirects().follow(false).header("X-Forwarded-Proto", scheme).contentType(ContentType.URLENC)
                .formParam("j_username", Api.leadOf(Api.createOrganisation())).formParam("j_password", Api.PASSWORD)
                .post("/j_security_check");
        r.then().statusCode(302);
        return r;
    }
}
