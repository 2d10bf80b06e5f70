package org.readiness.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.readiness.testing.Api;
import org.readiness.testing.H2Only;

import java.net.URL;
import java.util.LinkedHashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey in a real browser: sign in, start an assessment, answer all its questions over the theme
 * pages (with a mistake corrected on the way, and a pause as a draft), check and submit, read the result; then
 * the analyst's comparison and the auditor's rules and explanation. Every page passes axe-core at WCAG 2.2 AA.
 * Browser tests say nothing about the database, so they run in the H2 run only.
 */
@QuarkusTest
@H2Only
class WebJourneyE2ETest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aLeadCompletesAndSubmitsAnAssessmentAndAnalystsAndAuditorsReadIt() throws Exception {
        String code = Api.createOrganisation();
        String lead = Api.leadOf(code);
        Api.submitted("");
        String analyst = Api.user(Api.ANALYST, "analyst", null);
        String auditor = Api.user(Api.AUDITOR, "auditor", null);
        try (Browser b = Browser.start(base.toString())) {
            b.open("/web/");
            assertThat(b.path()).isEqualTo("/web/login");
            b.check("sign-in");
            b.signIn(lead, "wrong");
            assertThat(b.find(".govuk-error-summary").getText()).contains("Enter a correct username and password");
            b.check("sign-in-error");

            b.signIn(lead, Api.PASSWORD);
            assertThat(b.path()).isEqualTo("/web/organisations/" + code);
            b.check("organisation-home");
            b.type("#period", "next spring");
            b.go("#start-assessment");
            assertThat(b.find(".govuk-error-summary a[href='#period']").getText()).contains("Period");
            b.check("start-error");
            b.type("#period", "2026-03");
            b.go("#start-assessment");
            assertThat(b.path()).as(() -> b.find("body").getText()).matches("/web/assessments/[0-9a-f-]{36}/themes/1");
            String assessment = b.path().split("/")[3];

            int answered = 0;
            for (int theme = 1; theme <= 4; theme++) {
                assertThat(b.path()).endsWith("/themes/" + theme);
                if (theme == 1) {
                    b.check("theme-1");
                }
                if (theme == 3) {
                    // A percentage out of range: the error summary links to the field, nothing is saved.
                    b.choose("TN-08-value");
                    b.type("#TN-08-percent", "150");
                    b.go("#continue");
                    WebElement link = b.find(".govuk-error-summary a[href='#TN-08-percent']");
                    assertThat(link.getText()).contains("TN-08");
                    b.check("theme-3-error");
                }
                answered += answerEveryQuestion(b);
                b.screenshot("theme-" + theme + "-answered");
                if (theme == 2) {
                    b.go("#save-draft");
                    assertThat(b.path()).isEqualTo("/web/organisations/" + code + "?saved=true");
                    b.check("saved-as-draft");
                    b.go("a[href='/web/assessments/" + assessment + "/themes/1']");
                    b.open("/web/assessments/" + assessment + "/themes/3");
                    continue;
                }
                b.check("theme-" + theme + "-filled");
                b.go("#continue");
            }
            // The start form makes a draft of the latest version: version 2 asks 73 questions.
            assertThat(answered).isEqualTo(73);
            assertThat(b.path()).isEqualTo("/web/assessments/" + assessment + "/check");
            assertThat(b.find("main").getText()).contains("73 of 73 questions answered");
            b.check("check-your-answers");
            b.go("#submit");

            assertThat(b.path()).isEqualTo("/web/assessments/" + assessment + "/result");
            assertThat(b.find(".govuk-panel__title").getText()).startsWith("Overall: ");
            assertThat(b.all("svg.app-chart__svg rect")).hasSizeGreaterThan(10);
            assertThat(b.find("#bands-note").getText()).contains("not validated cut-offs");
            assertThat(b.all(".app-steps > li")).isNotEmpty();
            b.check("result");
            b.go("a[href='/web/assessments/" + assessment + "/explanation']");
            b.check("explanation-for-the-lead");
            b.open("/web/organisations/" + code + "/progress");
            b.check("progress");
            b.open("/web/organisations/S00000000");
            assertThat(b.find("h1").getText()).isEqualTo("Page not found");
            b.check("not-found");
            b.open("/web/comparison");
            assertThat(b.find("h1").getText()).isEqualTo("You cannot open this page");
            b.check("forbidden");
            b.open("/web/");
            b.signOut();
            assertThat(b.path()).isEqualTo("/web/login?signedOut=true");

            b.signIn(analyst, Api.PASSWORD);
            assertThat(b.find("h1").getText()).isEqualTo("Organisations");
            b.check("analyst-organisations");
            b.go("a[href='/web/comparison']");
            assertThat(b.find("#comparison-caption").getText()).contains("cohort median");
            assertThat(b.find("#download-csv").getAttribute("href")).contains("format=csv");
            assertThat(b.find("#download-xlsx").getAttribute("href")).contains("format=xlsx");
            b.check("comparison");
            b.signOut();

            b.signIn(auditor, Api.PASSWORD);
            b.go("a[href='/web/rules']");
            assertThat(b.all("tbody tr")).hasSizeGreaterThan(20);
            b.check("rules");
            b.go("a[href='/web/rules/GATE-NO-LEAD']");
            assertThat(b.find("pre.app-code").getText()).contains("GATE-NO-LEAD");
            b.check("rule");
            b.open("/web/assessments/" + assessment + "/explanation");
            assertThat(b.find("h1").getText()).contains("Why each rating");
            b.check("explanation-for-the-auditor");
        }
    }

    /**
     * Answers every question on the page, walking up the scale question by question (0, 1, 2, 3, 0, ...; 10% steps
     * for percentages) so that the result has low and high ratings, gates and next steps; evidence for the first.
     */
    private static int answerEveryQuestion(Browser b) {
        Set<String> questions = new LinkedHashSet<>();
        for (WebElement radio : b.all("input.govuk-radios__input")) {
            questions.add(radio.getAttribute("name").replace("-value", ""));
        }
        boolean first = true;
        int i = 0;
        for (String q : questions) {
            int point = i++ % 4;
            if (!b.all("#" + q + "-percent").isEmpty()) {
                b.choose(q + "-value");
                b.type("#" + q + "-percent", String.valueOf(point * 25));
            } else {
                b.choose(q + "-value" + (point == 0 ? "" : "-" + point));
            }
            if (first) {
                b.type("#" + q + "-evidence", "Agreed by the steering group in January");
                first = false;
            }
        }
        return questions.size();
    }
}
