package org.readiness.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.web.WebSession;

import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The http_server_requests meters name the route (/api/v1/assessments/{id}), never the id a request carried:
 * an id in a label would make one time series per assessment, and tell anyone who reads the metrics which
 * assessments and organisations exist and who works on them. Also for answers given before a request reaches its
 * endpoint (no credentials, a lock-out, a cross-site write, a body too large) and for the web pages.
 */
@QuarkusTest
class MetricsUriTest {

    private static final Pattern URI = Pattern.compile("^http_server_requests_seconds_count\\{.*?uri=\"([^\"]*)\"", Pattern.MULTILINE);

    @Test
    void requestsAreCountedByRouteTemplateNeverByTheirIds() {
        String id = Api.submitted("");
        String code = Api.organisationOf(id);
        String lead = Api.leadOf(code);
        String other = Api.createOrganisation();
        String unknown = UUID.randomUUID().toString();

        Api.owner(id).get("/api/v1/assessments/" + id).then().statusCode(200);
        Api.owner(id).get("/api/v1/assessments/" + id + "/result").then().statusCode(200);
        Api.owner(id).get("/api/v1/assessments/" + unknown).then().statusCode(404);
        Api.as(Api.leadOf(other)).get("/api/v1/assessments/" + id).then().statusCode(404);
        Api.owner(id).get("/api/v1/organisations/" + code).then().statusCode(200);
        Api.owner(id).get("/api/v1/organisations/" + code + "/progress").then().statusCode(200);
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200);
        // Answered before the endpoint is reached: no credentials, a write from another site, a body too large.
        given().get("/api/v1/assessments/" + id).then().statusCode(401);
        Api.owner(id).header("Sec-Fetch-Site", "cross-site").post("/api/v1/assessments/" + id + "/submit")
                .then().statusCode(403);
        Api.owner(id).contentType(ContentType.JSON).body("{\"answers\":[" + " ".repeat(1_100_000) + "]}")
                .put("/api/v1/assessments/" + id + "/answers").then().statusCode(413);
        String lockedOut = "locked-out-" + UUID.randomUUID();
        for (int i = 0; i < 6; i++) {
            Api.as(lockedOut, "wrong-password").get("/api/v1/assessments/" + unknown);
        }
        Api.as(lockedOut, "wrong-password").get("/api/v1/assessments/" + unknown).then().statusCode(429);
        // No endpoint there, so no credential is checked: a plain 404, still named without its id.
        Api.as(lockedOut, "wrong-password").get("/api/v1/no-such-route/" + unknown).then().statusCode(404);
        // The web pages, signed in and not.
        WebSession session = WebSession.signIn(lead);
        session.get("/web/assessments/" + id + "/result").then().statusCode(200);
        session.get("/web/organisations/" + code).then().statusCode(200);
        session.get("/web/assessments/" + unknown + "/result").then().statusCode(404);
        WebSession.anonymous().get("/web/assessments/" + id + "/result").then().statusCode(302);

        Set<String> uris = uris();
        assertThat(uris).contains("/api/v1/assessments/{id}", "/api/v1/assessments/{id}/result",
                "/api/v1/assessments/{id}/submit", "/api/v1/assessments/{id}/answers", "/api/v1/assessments/{id}/replay",
                "/api/v1/organisations/{code}", "/api/v1/organisations/{code}/progress",
                "/web/assessments/{id}/result", "/web/organisations/{code}");
        assertThat(uris).as("no uri label holds an id").noneMatch(u -> u.contains(id) || u.contains(unknown)
                || u.contains(code) || u.contains(other) || u.contains(lead));
    }

    private static Set<String> uris() {
        String metrics = Api.admin().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> uris = new TreeSet<>();
        Matcher m = URI.matcher(metrics);
        while (m.find()) {
            uris.add(m.group(1));
        }
        return uris;
    }
}
