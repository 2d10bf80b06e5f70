package org.readiness.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.web.WebSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every /api/v1 endpoint with every role, with no credentials, and with a user of another organisation, against
 * what docs/security.md declares. One line per endpoint: the expected status for each caller, in the order of
 * {@link #CALLERS}: none, respondent (of A), org-lead (of A), analyst, auditor, admin, other (org-lead of B).
 * Every write applies the read rule first: a respondent's write to a draft it may not read (its lead's) is a 404,
 * and no refusal shows anything of the assessment. The pages' form posts are walked the same way.
 */
@QuarkusTest
class AccessMatrixTest {

    static final List<String> CALLERS = List.of("none", "respondent", "org-lead", "analyst", "auditor", "admin", "other");

    /** Evidence in every answered assessment here (Api.CRITICAL_ANSWERS): no refusal may show it. */
    static final String EVIDENCE = "Lead in post since April";

    /** One endpoint: how to call it (a fresh target per call where a call changes state) and the statuses. */
    record Row(String endpoint, String expected, Function<RequestSpecification, Response> call) {
    }

    @Test
    void everyEndpointAnswersEachCallerAsDeclared() {
        String a = Api.createOrganisation();
        String b = Api.createOrganisation();
        String respondent = Api.respondentOf(a);
        String lead = Api.leadOf(a);
        Map<String, Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
        callers.put("none", () -> given().contentType(ContentType.JSON));
        callers.put("respondent", () -> Api.as(respondent));
        callers.put("org-lead", () -> Api.as(lead));
        callers.put("analyst", Api::analyst);
        callers.put("auditor", Api::auditor);
        callers.put("admin", Api::admin);
        callers.put("other", () -> Api.as(Api.leadOf(b)));

        // Drafts and results of A made by its respondent, so both A's respondent and its lead may use them.
        Supplier<String> draft = draftBy(respondent, a);
        Supplier<String> answered = answeredBy(respondent, a);
        String byRespondent = draft.get();
        String submitted = answered.get();
        Api.as(respondent).post("/api/v1/assessments/" + submitted + "/submit").then().statusCode(201);
        // Drafts of A made by its lead: a respondent may neither read nor write them (every write applies the read rule).
        Supplier<String> leadDraft = draftBy(lead, a);
        Supplier<String> leadAnswered = answeredBy(lead, a);
        String byLead = leadDraft.get();
        String submittedByLead = leadAnswered.get();
        Api.as(lead).post("/api/v1/assessments/" + submittedByLead + "/submit").then().statusCode(201);
        String rule = Api.analyst().get("/api/v1/rules").then().extract().path("[0].id");
        Api.user("matrix-user", "analyst", null);
        String score = "{\"questionnaire\":\"nttp-readiness\",\"answers\":[{\"question\":\"DL-01\",\"value\":3}]}";

        //                 endpoint                                          none resp lead anal audi admi other
        List<Row> rows = List.of(
                row("GET /questionnaires",                              "401 200 200 200 200 200 200", s -> s.get("/api/v1/questionnaires")),
                row("GET /questionnaires/{id}",                         "401 200 200 200 200 200 200", s -> s.get("/api/v1/questionnaires/nttp-readiness")),
                row("POST /score",                                      "401 200 200 200 200 200 200", s -> s.body(score).post("/api/v1/score")),
                row("GET /rules",                                       "401 200 200 200 200 200 200", s -> s.get("/api/v1/rules")),
                row("GET /rules/{id}",                                  "401 200 200 200 200 200 200", s -> s.get("/api/v1/rules/" + rule)),
                row("GET /ruleset",                                     "401 200 200 200 200 200 200", s -> s.get("/api/v1/ruleset")),
                row("POST /ruleset/reload",                             "401 403 403 403 403 200 403", s -> s.post("/api/v1/ruleset/reload")),
                row("POST /organisations",                              "401 403 403 403 403 201 403", s -> s.body(
                        "{\"code\":\"" + Api.newCode() + "\",\"name\":\"Matrix council\",\"type\":\"OTHER\"}").post("/api/v1/organisations")),
                row("GET /organisations",                               "401 200 200 200 200 200 200", s -> s.get("/api/v1/organisations")),
                row("GET /organisations/{own}",                         "401 200 200 200 200 200 404", s -> s.get("/api/v1/organisations/" + a)),
                row("POST /assessments",                                "401 201 201 403 403 403 404", s -> s.body(
                        "{\"organisation\":\"" + a + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-06\"}").post("/api/v1/assessments")),
                row("PUT /assessments/{id}/answers",                    "401 200 200 403 403 403 404", s -> s.body(
                        "{\"answers\":[{\"question\":\"DL-01\",\"value\":2}]}").put("/api/v1/assessments/" + draft.get() + "/answers")),
                row("DELETE /assessments/{id}/answers/{q}",             "401 200 200 403 403 403 404", s ->
                        s.delete("/api/v1/assessments/" + answered.get() + "/answers/DL-01")),
                row("POST /assessments/{id}/submit",                    "401 201 201 403 403 403 404", s ->
                        s.post("/api/v1/assessments/" + answered.get() + "/submit")),
                row("PUT /assessments/{id}/answers (lead's)",           "401 404 200 403 403 403 404", s -> s.body(
                        "{\"answers\":[{\"question\":\"DL-01\",\"value\":2}]}").put("/api/v1/assessments/" + leadDraft.get() + "/answers")),
                row("PUT /assessments/{id}/answers, none sent (lead's)", "401 404 200 403 403 403 404", s -> s.body(
                        "{\"answers\":[]}").put("/api/v1/assessments/" + leadAnswered.get() + "/answers")),
                row("DELETE /assessments/{id}/answers/{q} (lead's)",    "401 404 200 403 403 403 404", s ->
                        s.delete("/api/v1/assessments/" + leadAnswered.get() + "/answers/DL-01")),
                row("POST /assessments/{id}/submit (lead's)",           "401 404 201 403 403 403 404", s ->
                        s.post("/api/v1/assessments/" + leadAnswered.get() + "/submit")),
                row("POST /assessments/{id}/submit (lead's, submitted)", "401 404 200 403 403 403 404", s ->
                        s.post("/api/v1/assessments/" + submittedByLead + "/submit")),
                row("GET /assessments/{id} (respondent's)",             "401 200 200 200 200 200 404", s -> s.get("/api/v1/assessments/" + byRespondent)),
                row("GET /assessments/{id} (lead's)",                   "401 404 200 200 200 200 404", s -> s.get("/api/v1/assessments/" + byLead)),
                row("GET /assessments/{id}/result",                     "401 200 200 200 200 200 404", s -> s.get("/api/v1/assessments/" + submitted + "/result")),
                row("GET /assessments",                                 "401 200 200 200 200 200 200", s -> s.get("/api/v1/assessments?organisation=" + a)),
                row("GET /assessments/{id}/explanation",                "401 200 200 200 200 200 404", s -> s.get("/api/v1/assessments/" + submitted + "/explanation")),
                row("POST /assessments/{id}/replay",                    "401 403 403 403 200 200 403", s -> s.post("/api/v1/assessments/" + submitted + "/replay")),
                row("POST /rulesets/impact (empty body: 400 if allowed)", "401 403 403 403 400 400 403", s -> s.body("{}").post("/api/v1/rulesets/impact")),
                row("GET /comparison",                                  "401 403 403 200 200 200 403", s -> s.get("/api/v1/comparison?questionnaire=nttp-readiness")),
                row("GET /organisations/{own}/progress",                "401 403 200 200 200 200 404", s -> s.get("/api/v1/organisations/" + a + "/progress")),
                row("GET /organisations/{own}/targets",                 "401 200 200 200 200 200 404", s -> s.get("/api/v1/organisations/" + a + "/targets")),
                row("PUT /organisations/{own}/targets",                 "401 403 200 403 403 403 404", s -> s.body("{\"targets\":[]}").put("/api/v1/organisations/" + a + "/targets")),
                row("POST /users",                                      "401 403 403 403 403 201 403", s -> s.body(
                        "{\"username\":\"m-" + Api.newCode().toLowerCase() + "\",\"password\":\"" + Api.PASSWORD
                                + "\",\"roles\":[\"auditor\"]}").post("/api/v1/users")),
                row("GET /users",                                       "401 403 403 403 403 200 403", s -> s.get("/api/v1/users")),
                row("GET /users/{username}",                            "401 403 403 403 403 200 403", s -> s.get("/api/v1/users/matrix-user")),
                row("PUT /users/{username}",                            "401 403 403 403 403 200 403", s -> s.body(
                        "{\"roles\":[\"analyst\"]}").put("/api/v1/users/matrix-user")),
                row("GET /audit",                                       "401 403 403 403 200 200 403", s -> s.get("/api/v1/audit")),
                row("GET /audit/verify",                                "401 403 403 403 200 200 403", s -> s.get("/api/v1/audit/verify")));

        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            String[] expected = row.expected().split(" ");
            for (int i = 0; i < CALLERS.size(); i++) {
                Response response = row.call().apply(callers.get(CALLERS.get(i)).get());
                int status = response.statusCode();
                if (status != Integer.parseInt(expected[i])) {
                    wrong.add(row.endpoint() + " as " + CALLERS.get(i) + ": " + status + ", declared " + expected[i]);
                }
                if (status >= 400) {
                    assertTrue(response.contentType().startsWith("application/problem+json"),
                            row.endpoint() + " as " + CALLERS.get(i) + " answered " + response.contentType());
                    assertFalse(response.asString().contains(EVIDENCE), row.endpoint() + " as " + CALLERS.get(i)
                            + " refused, yet showed the assessment's evidence");
                }
                if (status == 401) {
                    assertEquals("Basic realm=\"readiness\"", response.header("WWW-Authenticate"));
                }
            }
        }
        assertEquals(List.of(), wrong, "endpoints that answer otherwise than declared");
    }

    private static Row row(String endpoint, String expected, Function<RequestSpecification, Response> call) {
        return new Row(endpoint, expected, call);
    }

    /** A new draft of {@code organisation} started by {@code user} on each call; gives its id. */
    private static Supplier<String> draftBy(String user, String organisation) {
        return () -> Api.as(user).body("{\"organisation\":\"" + organisation
                        + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-06\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
    }

    /** As {@link #draftBy}, with every required question answered (and evidence {@link #EVIDENCE}) by {@code user}. */
    private static Supplier<String> answeredBy(String user, String organisation) {
        return () -> {
            String id = draftBy(user, organisation).get();
            Api.as(user).body("{\"answers\":[" + Api.CRITICAL_ANSWERS + "]}")
                    .put("/api/v1/assessments/" + id + "/answers").then().statusCode(200);
            return id;
        };
    }

    /** One page form post: where to (a fresh target per call), what, and the statuses. */
    record WebRow(String endpoint, String expected, Supplier<String> path, Map<String, String> form) {
    }

    /**
     * Every form post of the pages, as for the API above: a refusal is a page (HTML), never the assessment. "none"
     * is sent to the sign-in page (302); the role's refusal is the 403 page, another organisation's thing the 404 page.
     */
    @Test
    void everyWebPostAnswersEachCallerAsDeclared() {
        String a = Api.createOrganisation();
        String b = Api.createOrganisation();
        String respondent = Api.respondentOf(a);
        String lead = Api.leadOf(a);
        Map<String, String> users = new LinkedHashMap<>();
        users.put("respondent", respondent);
        users.put("org-lead", lead);
        users.put("analyst", Api.user(Api.ANALYST, "analyst", null));
        users.put("auditor", Api.user(Api.AUDITOR, "auditor", null));
        users.put("admin", Api.user("matrix-admin", "admin", null));
        users.put("other", Api.leadOf(b));
        Map<String, String> save = Map.of("DL-01-value", "2", "DL-01-evidence", "Saved through the page", "action", "continue");
        Map<String, String> start = Map.of("questionnaire", Api.QUESTIONNAIRE, "period", "2025-06", "scope", "");

        //                      endpoint                                          none resp lead anal audi admi other
        List<WebRow> rows = List.of(
                new WebRow("POST /web/organisations/{own}/assessments (start)", "302 303 303 403 403 403 404",
                        () -> "/web/organisations/" + a + "/assessments", start),
                new WebRow("POST /web/assessments/{id}/themes/1 (respondent's)", "302 303 303 403 403 403 404",
                        () -> "/web/assessments/" + draftBy(respondent, a).get() + "/themes/1", save),
                new WebRow("POST /web/assessments/{id}/themes/1 (lead's)",      "302 404 303 403 403 403 404",
                        () -> "/web/assessments/" + draftBy(lead, a).get() + "/themes/1", save),
                new WebRow("POST /web/assessments/{id}/submit (respondent's)",  "302 303 303 403 403 403 404",
                        () -> "/web/assessments/" + answeredBy(respondent, a).get() + "/submit", Map.of()),
                new WebRow("POST /web/assessments/{id}/submit (lead's)",        "302 404 303 403 403 403 404",
                        () -> "/web/assessments/" + answeredBy(lead, a).get() + "/submit", Map.of()),
                new WebRow("POST /web/logout",                                  "302 303 303 303 303 303 303",
                        () -> "/web/logout", Map.of()));

        List<String> wrong = new ArrayList<>();
        for (WebRow row : rows) {
            String[] expected = row.expected().split(" ");
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                WebSession session = caller.equals("none") ? WebSession.anonymous() : WebSession.signIn(users.get(caller));
                if (!caller.equals("none")) {
                    session.get("/web/rules").then().statusCode(200);
                }
                Response response = caller.equals("none") ? session.postWithout(row.path().get(), row.form())
                        : session.post(row.path().get(), row.form());
                int status = response.statusCode();
                if (status != Integer.parseInt(expected[i])) {
                    wrong.add(row.endpoint() + " as " + caller + ": " + status + ", declared " + expected[i]);
                }
                if (status >= 400) {
                    assertTrue(response.contentType().startsWith("text/html"),
                            row.endpoint() + " as " + caller + " answered " + response.contentType());
                    assertFalse(response.asString().contains(EVIDENCE), row.endpoint() + " as " + caller
                            + " refused, yet showed the assessment's evidence");
                }
            }
        }
        assertEquals(List.of(), wrong, "page posts that answer otherwise than declared");
    }

    @Test
    void listsShowOnlyWhatTheCallerMaySee() {
        String a = Api.createOrganisation();
        String b = Api.createOrganisation();
        String respondent = Api.respondentOf(a);
        String lead = Api.leadOf(a);
        String mine = Api.as(respondent).body("{\"organisation\":\"" + a + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-01\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        String leads = Api.createDraft(a);
        String others = Api.createDraft(b);

        Api.as(respondent).get("/api/v1/assessments?organisation=" + a).then().statusCode(200).body("items.id", contains(mine));
        Api.as(lead).get("/api/v1/assessments?organisation=" + a).then().statusCode(200)
                .body("items.id", containsInAnyOrder(mine, leads));
        Api.as(lead).get("/api/v1/assessments").then().statusCode(200).body("items.organisation", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo(a)));
        Api.as(Api.leadOf(b)).get("/api/v1/assessments?organisation=" + a).then().statusCode(200).body("items", empty());
        Api.analyst().get("/api/v1/assessments?organisation=" + b).then().statusCode(200).body("items.id", contains(others));

        Api.as(respondent).get("/api/v1/organisations").then().statusCode(200).body("code", contains(a));
        Api.as(lead).get("/api/v1/organisations").then().statusCode(200).body("code", contains(a));
        Api.auditor().get("/api/v1/organisations").then().statusCode(200).body("code", org.hamcrest.Matchers.hasItems(a, b));
        // Another organisation's code is not found, exactly like one that does not exist.
        String missing = Api.as(lead).get("/api/v1/organisations/S99999990").then().statusCode(404).extract().path("detail");
        String hidden = Api.as(lead).get("/api/v1/organisations/" + b).then().statusCode(404).extract().path("detail");
        assertEquals(missing.replace("S99999990", b), hidden);
    }
}
