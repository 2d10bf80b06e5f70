package org.readiness.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Each page route: what it shows, who may open it, and how its failures look (never JSON, never a trace). */
@QuarkusTest
class WebPagesTest {

    private static final Pattern ASSESSMENT = Pattern.compile("/web/assessments/([0-9a-f-]{36})/themes/1");

    @Test
    void withoutSigningInEveryPageLeadsToTheSignInPage() {
        WebSession anonymous = WebSession.anonymous();
        for (String path : new String[]{"/web/", "/web/comparison", "/web/rules", "/web/organisations/S12000035"}) {
            anonymous.get(path).then().statusCode(302).header("Location", endsWith("/web/login"));
        }
        anonymous.get("/web/login").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("action=\"/j_security_check\""), containsString("for=\"username\""));
    }

    @Test
    void aWrongPasswordShowsTheErrorSummary() {
        WebSession.anonymous().request().contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "nobody").formParam("j_password", "wrong").post("/j_security_check")
                .then().statusCode(302).header("Location", endsWith("/web/login?error=true"));
        WebSession.anonymous().get("/web/login?error=true").then().statusCode(200)
                .body(containsString("govuk-error-summary"), containsString("href=\"#username\""));
    }

    @Test
    void aLeadLandsOnItsOrganisationAndAnotherOrganisationIsAMissingPage() {
        String mine = Api.createOrganisation();
        String other = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(mine));
        lead.get("/web/").then().statusCode(303).header("Location", endsWith("/web/organisations/" + mine));
        lead.get("/web/organisations/" + mine).then().statusCode(200)
                .body(containsString("Test council " + mine), containsString("Start a new assessment"),
                        containsString("href=\"/web/progress\""), not(containsString("href=\"/web/comparison\"")));
        Response elsewhere = lead.get("/web/organisations/" + other);
        elsewhere.then().statusCode(404).contentType(containsString("text/html")).body(containsString("Page not found"),
                not(containsString("Test council " + other)), not(containsString("problem+json")));
        lead.get("/web/no/such/page").then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void aPageARoleMayNotOpenIsTheForbiddenPage() {
        String code = Api.createOrganisation();
        WebSession respondent = WebSession.signIn(Api.respondentOf(code));
        respondent.get("/web/comparison").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("You cannot open this page"));
        respondent.get("/web/organisations/" + code + "/progress").then().statusCode(403);
        respondent.get("/web/organisations/" + code).then().statusCode(200)
                .body(not(containsString("href=\"/web/progress\"")), not(containsString("href=\"/web/rules\"")));
    }

    @Test
    void aFormPostWithoutItsCsrfTokenIsRefused() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        lead.get("/web/organisations/" + code).then().statusCode(200);
        lead.postWithout("/web/organisations/" + code + "/assessments",
                Map.of("questionnaire", Api.QUESTIONNAIRE, "period", "2026-03")).then().statusCode(403)
                .body(containsString("This form could not be accepted"));
        assertThat(lead.get("/web/organisations/" + code).asString()).contains("No assessment has been submitted yet")
                .doesNotContain("/themes/1");
    }

    @Test
    void aBadPeriodIsShownInTheErrorSummaryLinkedToItsField() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        lead.get("/web/organisations/" + code);
        lead.post("/web/organisations/" + code + "/assessments",
                        Map.of("questionnaire", Api.QUESTIONNAIRE, "period", "March", "scope", ""))
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("<title>Error: "), containsString("govuk-error-summary"),
                        containsString("href=\"#period\""), containsString("id=\"period-error\""),
                        containsString("value=\"March\""));
    }

    @Test
    void aPeriodToComeIsShownInTheErrorSummaryAndNoDraftIsStarted() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        lead.get("/web/organisations/" + code);
        lead.post("/web/organisations/" + code + "/assessments",
                        Map.of("questionnaire", Api.QUESTIONNAIRE, "period", "2100-12", "scope", ""))
                .then().statusCode(400).body(containsString("govuk-error-summary"), containsString("href=\"#period\""),
                        containsString("Period must not be after the current month"));
        Api.as(Api.leadOf(code)).get("/api/v1/assessments?organisation=" + code).then().body("total", equalTo(0));
    }

    @Test
    void controlCharactersAndBytesThatAreNotUtf8AreRefusedNamingEachFieldAndNothingIsStored() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        String id = start(lead, code);
        String theme = "/web/assessments/" + id + "/themes/1";
        String version = version(lead.get(theme).asString());
        lead.postEncoded(theme, "version=" + version + "&DL-01-value=3&DL-01-evidence=a%00b&DL-02-value=2"
                        + "&DL-02-evidence=caf%E9&action=continue")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("govuk-error-summary"), containsString("Nothing was saved"),
                        containsString("DL-01-evidence: must not contain control characters"),
                        containsString("DL-02-evidence: must be text in UTF-8"));
        Api.as(Api.leadOf(code)).get("/api/v1/assessments/" + id).then().body("answers.size()", equalTo(0));

        String startForm = "/web/organisations/" + code + "/assessments";
        lead.get("/web/organisations/" + code);
        lead.postEncoded(startForm, "questionnaire=nttp-readiness&period=2026-03&scope=Housing%07")
                .then().statusCode(400).body(containsString("scope: must not contain control characters"));
        lead.postEncoded(startForm, "questionnaire=nttp-readiness&period=2026-03&scope=%C3%28")
                .then().statusCode(400).body(containsString("scope: must be text in UTF-8"));
        Api.as(Api.leadOf(code)).get("/api/v1/assessments?organisation=" + code).then().body("total", equalTo(1));

        // Text beyond ASCII, sent as UTF-8, is kept exactly.
        lead.get(theme);
        lead.postEncoded(theme, "version=" + version + "&DL-01-value=3&DL-01-evidence=caf%C3%A9+%F0%9F%99%82%09ok"
                + "&action=continue").then().statusCode(303);
        Api.as(Api.leadOf(code)).get("/api/v1/assessments/" + id).then().body("answers[0].evidence", equalTo("café 🙂\tok"));
    }

    @Test
    void badAnswersAreShownInTheErrorSummaryAndNothingIsSaved() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        String id = start(lead, code);
        String theme = "/web/assessments/" + id + "/themes/3";
        String page = lead.get(theme).asString();
        // The start form makes a draft of the latest version: its training page asks TN-08, not the TN-05 it replaced.
        assertThat(page).contains("TN-08-percent", "Don't know").doesNotContain("TN-05");
        Map<String, String> form = new HashMap<>();
        form.put("version", version(page));
        form.put("TN-08-value", "PERCENT");
        form.put("TN-08-percent", "150");
        form.put("TN-01-value", "2");
        form.put("TN-02-evidence", "A note without an answer");
        form.put("action", "continue");
        lead.post(theme, form).then().statusCode(400)
                .body(containsString("href=\"#TN-08-percent\""), containsString("TN-08: must be a whole percentage"),
                        containsString("href=\"#TN-02-value\""), containsString("value=\"150\""),
                        containsString("A note without an answer"));
        // Text that is no whole number is refused where the form is read, by the rule a JSON body meets.
        form.put("TN-08-percent", "ninety");
        lead.post(theme, form).then().statusCode(400)
                .body(containsString("href=\"#TN-08-percent\""), containsString("TN-08: must be a number on the item"));
        Api.as(Api.leadOf(code)).get("/api/v1/assessments/" + id).then().statusCode(200)
                .body("answers.size()", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aDraftIsSavedAndComeBackToAndSubmittingTooEarlyListsWhatIsMissing() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        String id = start(lead, code);
        String theme = "/web/assessments/" + id + "/themes/1";
        String page = lead.get(theme).asString();
        lead.post(theme, Map.of("version", version(page), "DL-01-value", "3", "DL-01-evidence", "Lead in post",
                "action", "draft")).then().statusCode(303).header("Location", endsWith("/web/organisations/" + code + "?saved=true"));
        lead.get("/web/organisations/" + code + "?saved=true").then().body(containsString("saved as a draft"));
        lead.get(theme).then().body(containsString("Lead in post"));
        assertThat(lead.get(theme).asString()).containsPattern("id=\"DL-01-value-3\" name=\"DL-01-value\" type=\"radio\" value=\"3\" checked");

        String check = lead.get("/web/assessments/" + id + "/check").asString();
        assertThat(check).contains("3: ", "Lead in post", "Required");
        lead.post("/web/assessments/" + id + "/submit", Map.of("version", version(check))).then().statusCode(422)
                .body(containsString("govuk-error-summary"), containsString("GV-01: required question not answered"),
                        containsString("/web/assessments/" + id + "/themes/"));
    }

    @Test
    void aSaveOverSomeoneElsesLaterSaveIsRefusedWithAnErrorSummary() {
        String code = Api.createOrganisation();
        WebSession lead = WebSession.signIn(Api.leadOf(code));
        String id = start(lead, code);
        String theme = "/web/assessments/" + id + "/themes/1";
        String stale = version(lead.get(theme).asString());
        Api.as(Api.leadOf(code)).body("{\"answers\":[{\"question\":\"DL-01\",\"value\":1}]}")
                .put("/api/v1/assessments/" + id + "/answers").then().statusCode(200);
        lead.post(theme, Map.of("version", stale, "DL-01-value", "4", "action", "continue")).then().statusCode(409)
                .body(containsString("govuk-error-summary"), containsString("Someone else changed this assessment"));
        Api.as(Api.leadOf(code)).get("/api/v1/assessments/" + id).then().body("answers[0].value",
                org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aSubmittedResultShowsBandsChartNextStepsGatesAndTheNote() {
        String id = Api.submitted("");
        WebSession lead = WebSession.signIn(Api.leadOf(Api.organisationOf(id)));
        String page = lead.get("/web/assessments/" + id + "/result").then().statusCode(200).extract().asString();
        assertThat(page).contains("Overall: ", "<svg", "role=\"img\"", "Rating of each enabler", "Next steps",
                "not validated cut-offs", "Gates", "/explanation");
        // Each next step of a version 2 result says what it is about, who usually owns it, its kind and when it is done.
        assertThat(page).contains("About", "Usually owned by", "Kind of step", "Done when", "Quick win");
        lead.get("/web/assessments/" + id + "/themes/1").then().statusCode(303)
                .header("Location", endsWith("/web/assessments/" + id + "/result"));
        lead.get("/web/assessments/" + id + "/explanation").then().statusCode(200)
                .body(containsString("Why each rating came out as it did"), containsString("Rules that fired"));
        lead.get("/web/organisations/" + Api.organisationOf(id) + "/progress").then().statusCode(200)
                .body(containsString("Progress of Test council"));
        WebSession.signIn(Api.leadOf(Api.createOrganisation())).get("/web/assessments/" + id + "/result")
                .then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void analystsCompareAndDownloadAndAuditorsReadRules() {
        Api.submitted("");
        WebSession analyst = WebSession.signIn(Api.user(Api.ANALYST, "analyst", null));
        analyst.get("/web/").then().statusCode(200).body(containsString("Organisations"));
        analyst.get("/web/comparison").then().statusCode(200)
                .body(containsString("Cohort median"), containsString("not a league table"),
                        containsString("/web/comparison/download?format=csv"));
        analyst.get("/web/comparison?questionnaire=nttp-readiness&period=soon").then().statusCode(400)
                .body(containsString("govuk-error-summary"), containsString("href=\"#period\""));
        analyst.get("/web/comparison/download?format=csv&questionnaire=nttp-readiness").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString(".csv"));
        analyst.get("/web/comparison/download?format=xlsx&questionnaire=nttp-readiness").then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats"));

        WebSession auditor = WebSession.signIn(Api.user(Api.AUDITOR, "auditor", null));
        auditor.get("/web/rules").then().statusCode(200).body(containsString("GATE-NO-LEAD"));
        auditor.get("/web/rules/GATE-NO-LEAD").then().statusCode(200).body(containsString("when")
                , containsString("Report source"));
        auditor.get("/web/rules/NO-SUCH-RULE").then().statusCode(404).body(containsString("Page not found"));
    }

    @Test
    void signingOutForgetsTheSession() {
        WebSession lead = WebSession.signIn(Api.leadOf(Api.createOrganisation()));
        lead.get("/web/rules").then().statusCode(200);
        lead.post("/web/logout", Map.of()).then().statusCode(303).header("Location", endsWith("/web/login?signedOut=true"));
        lead.get("/web/rules").then().statusCode(302).header("Location", endsWith("/web/login"));
    }

    /** Starts a draft through the home page's form; returns its id. */
    static String start(WebSession session, String code) {
        session.get("/web/organisations/" + code).then().statusCode(200);
        String location = session.post("/web/organisations/" + code + "/assessments",
                        Map.of("questionnaire", Api.QUESTIONNAIRE, "period", "2026-03", "scope", ""))
                .then().statusCode(303).extract().header("Location");
        Matcher m = ASSESSMENT.matcher(location);
        assertThat(m.find()).as(location).isTrue();
        // The form names no version: the draft is of the latest one, version 2.
        Api.analyst().get("/api/v1/assessments/" + m.group(1)).then().statusCode(200).body("questionnaire.version", equalTo(2));
        return m.group(1);
    }

    static String version(String page) {
        Matcher m = Pattern.compile("name=\"version\" value=\"([0-9]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
