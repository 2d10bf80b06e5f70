package org.readiness.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.readiness.testing.Api;
import org.readiness.testing.DatabaseSnapshot;

import javax.sql.DataSource;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.readiness.problem.BadInputTest.assertProblem;

/**
 * Well-formed requests with wrong values: numbers out of range, negative, fractional or as text; unknown
 * questionnaires, questions, organisations, assessments; duplicates; ids that are not ids; bad query
 * parameters. Each gets a problem naming the field, and the database holds nothing new. Text full of SQL and
 * markup is stored and returned exactly as sent.
 */
@QuarkusTest
public class BadValuesTest {

    /** {org}: an organisation of the caller's; {draft}: a draft of it; {random}: an id no assessment has. */
    public record Case(String name, String user, String method, String path, String body, int status, String pointer) {
        @Override
        public String toString() {
            return method + " " + path + ": " + name;
        }
    }

    static final String SCORE = "/api/v1/score";
    static final String ANSWERS = "/api/v1/assessments/{draft}/answers";

    static Case answer(String path, String user, String name, String answer, int status, String pointer) {
        String questionnaire = path.equals(SCORE) ? "\"questionnaire\":\"nttp-readiness\"," : "";
        return new Case(name, user, path.equals(SCORE) ? "POST" : "PUT", path,
                "{" + questionnaire + "\"answers\":[" + answer + "]}", status, pointer);
    }

    /** The battery; SoakIT sends it too, mixed with concurrent writes. */
    public static Stream<Case> cases() {
        Stream.Builder<Case> cases = Stream.builder();
        for (String path : new String[]{SCORE, ANSWERS}) {
            String user = path.equals(SCORE) ? "analyst" : "lead";
            cases.add(answer(path, user, "a value above the scale", "{\"question\":\"DL-01\",\"value\":5}", 400, "/answers/0/value"));
            cases.add(answer(path, user, "a negative value", "{\"question\":\"DL-01\",\"value\":-1}", 400, "/answers/0/value"));
            cases.add(answer(path, user, "a fractional value", "{\"question\":\"DL-01\",\"value\":2.5}", 400, "/answers/0/value"));
            cases.add(answer(path, user, "a value as text", "{\"question\":\"DL-01\",\"value\":\"2\"}", 400, "/answers/0/value"));
            cases.add(answer(path, user, "a huge value", "{\"question\":\"DL-01\",\"value\":1e400}", 400, "/answers/0/value"));
            cases.add(answer(path, user, "a value past long", "{\"question\":\"DL-01\",\"value\":99999999999999999999}", 400, "/answers/0/value"));
            cases.add(answer(path, user, "a percentage over 100", "{\"question\":\"TN-08\",\"value\":101}", 400, "/answers/0/value"));
            cases.add(answer(path, user, "an unknown question", "{\"question\":\"XX-99\",\"value\":2}", 400, "/answers/0/question"));
            cases.add(answer(path, user, "a question the latest version retired", "{\"question\":\"TN-05\",\"value\":50}", 400, "/answers/0/question"));
            cases.add(answer(path, user, "a question as a number", "{\"question\":7,\"value\":2}", 400, "/answers/0/question"));
            cases.add(answer(path, user, "a question answered twice",
                    "{\"question\":\"DL-01\",\"value\":2},{\"question\":\"DL-01\",\"value\":3}", 400, "/answers/1/question"));
            cases.add(answer(path, user, "an answer that is not an object", "5", 400, "/answers/0"));
            cases.add(answer(path, user, "an unknown answer field", "{\"question\":\"DL-01\",\"value\":2,\"score\":2}", 400, "/answers/0/score"));
            cases.add(answer(path, user, "an answer field named twice",
                    "{\"question\":\"DL-01\",\"value\":2,\"value\":3}", 400, "/answers/0/value"));
        }
        cases.add(new Case("an unknown questionnaire", "analyst", "POST", SCORE, "{\"questionnaire\":\"nope\",\"answers\":[]}", 400, "/questionnaire"));
        cases.add(new Case("a version as text", "analyst", "POST", SCORE, "{\"questionnaire\":\"nttp-readiness\",\"version\":\"1\",\"answers\":[]}", 400, "/version"));
        cases.add(new Case("a negative version", "analyst", "POST", SCORE, "{\"questionnaire\":\"nttp-readiness\",\"version\":-1,\"answers\":[]}", 400, "/version"));
        cases.add(new Case("answers not a list", "analyst", "POST", SCORE, "{\"questionnaire\":\"nttp-readiness\",\"answers\":{}}", 400, "/answers"));

        String draft = "{\"organisation\":\"{org}\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-06\"";
        cases.add(new Case("another organisation", "lead", "POST", "/api/v1/assessments", draft.replace("{org}", "S98999999") + "}", 404, null));
        cases.add(new Case("an unknown questionnaire", "lead", "POST", "/api/v1/assessments", draft.replace("nttp-readiness", "nope") + "}", 400, "/questionnaire"));
        cases.add(new Case("an unknown version", "lead", "POST", "/api/v1/assessments", draft + ",\"version\":99}", 400, "/version"));
        cases.add(new Case("a fractional version", "lead", "POST", "/api/v1/assessments", draft + ",\"version\":1.5}", 400, "/version"));
        cases.add(new Case("a version as text", "lead", "POST", "/api/v1/assessments", draft + ",\"version\":\"1\"}", 400, "/version"));
        cases.add(new Case("month 13", "lead", "POST", "/api/v1/assessments", draft.replace("2025-06", "2025-13") + "}", 400, "/period"));
        // A period to come would stand as the organisation's latest result until it passed (issue 15).
        cases.add(new Case("a month to come", "lead", "POST", "/api/v1/assessments", draft.replace("2025-06", "2100-12") + "}", 400, "/period"));
        cases.add(new Case("an organisation as a number", "lead", "POST", "/api/v1/assessments", draft.replace("\"{org}\"", "12") + "}", 400, "/organisation"));

        cases.add(new Case("an assessment that does not exist", "lead", "PUT", "/api/v1/assessments/{random}/answers", "{\"answers\":[]}", 404, null));
        cases.add(new Case("an id that is not an id", "lead", "PUT", "/api/v1/assessments/not-an-id/answers", "{\"answers\":[]}", 404, null));
        cases.add(new Case("an id with SQL in it", "lead", "GET", "/api/v1/assessments/1'%20OR%20'1'='1", null, 404, null));
        cases.add(new Case("an unknown question", "lead", "DELETE", "/api/v1/assessments/{draft}/answers/XX-99", null, 404, null));
        cases.add(new Case("submitting what does not exist", "lead", "POST", "/api/v1/assessments/{random}/submit", null, 404, null));
        cases.add(new Case("submitting an id that is not an id", "lead", "POST", "/api/v1/assessments/12/submit", null, 404, null));
        cases.add(new Case("replaying what does not exist", "auditor", "POST", "/api/v1/assessments/{random}/replay", null, 404, null));
        cases.add(new Case("explaining an id that is not an id", "auditor", "GET", "/api/v1/assessments/x/explanation", null, 404, null));
        cases.add(new Case("the result of a draft", "lead", "GET", "/api/v1/assessments/{draft}/result", null, 404, null));

        String org = "{\"code\":\"S98000003\",\"name\":\"A council\",\"type\":\"LOCAL_AUTHORITY\"";
        cases.add(new Case("a code of the wrong shape", "admin", "POST", "/api/v1/organisations", org.replace("S98000003", "S1") + "}", 400, "/code"));
        cases.add(new Case("a code as a number", "admin", "POST", "/api/v1/organisations", org.replace("\"S98000003\"", "98000003") + "}", 400, "/code"));
        cases.add(new Case("an unknown type", "admin", "POST", "/api/v1/organisations", org.replace("LOCAL_AUTHORITY", "CASTLE") + "}", 400, "/type"));
        cases.add(new Case("an unknown organisation", "admin", "GET", "/api/v1/organisations/S98999999", null, 404, null));

        String targets = "/api/v1/organisations/{org}/targets";
        cases.add(new Case("a target above 4", "lead", "PUT", targets, "{\"targets\":[{\"enabler\":\"governance\",\"score\":5}]}", 400, "/targets/0/score"));
        cases.add(new Case("a negative target", "lead", "PUT", targets, "{\"targets\":[{\"enabler\":\"governance\",\"score\":-1}]}", 400, "/targets/0/score"));
        cases.add(new Case("a target as text", "lead", "PUT", targets, "{\"targets\":[{\"enabler\":\"governance\",\"score\":\"3\"}]}", 400, "/targets/0/score"));
        cases.add(new Case("an unknown enabler", "lead", "PUT", targets, "{\"targets\":[{\"enabler\":\"nope\",\"score\":3}]}", 400, "/targets/0/enabler"));
        cases.add(new Case("an unknown band", "lead", "PUT", targets, "{\"targets\":[{\"enabler\":\"governance\",\"band\":\"GREAT\"}]}", 400, "/targets/0/band"));
        cases.add(new Case("an enabler twice", "lead", "PUT", targets,
                "{\"targets\":[{\"enabler\":\"governance\",\"score\":3},{\"enabler\":\"governance\",\"score\":2}]}", 400, "/targets/1/enabler"));
        cases.add(new Case("another organisation's targets", "lead", "PUT", "/api/v1/organisations/S98999999/targets", "{\"targets\":[]}", 404, null));

        String user = "{\"username\":\"bad-values-user\",\"password\":\"a-long-enough-password\",\"roles\":[\"analyst\"]";
        cases.add(new Case("an unknown role", "admin", "POST", "/api/v1/users", user.replace("analyst", "wizard") + "}", 400, "/roles/0"));
        cases.add(new Case("a short password", "admin", "POST", "/api/v1/users", user.replace("a-long-enough-password", "short") + "}", 400, "/password"));
        cases.add(new Case("a username with spaces", "admin", "POST", "/api/v1/users", user.replace("bad-values-user", "Bad Name") + "}", 400, "/username"));
        cases.add(new Case("an unknown organisation", "admin", "POST", "/api/v1/users",
                user.replace("analyst", "respondent") + ",\"organisation\":\"S98999999\"}", 400, "/organisation"));
        cases.add(new Case("an unknown user", "admin", "PUT", "/api/v1/users/nobody-at-all", "{\"password\":\"a-long-enough-password\"}", 404, null));

        cases.add(new Case("rules in the request", "auditor", "POST", "/api/v1/rulesets/impact", "{\"files\":{\"../x.drl\":\"rule\"}}", 400, "/files"));
        cases.add(new Case("a folder outside the drafts", "auditor", "POST", "/api/v1/rulesets/impact", "{\"folder\":\"../../etc\"}", 400, "/folder"));

        cases.add(new Case("a negative page", "analyst", "GET", "/api/v1/assessments?page=-1", null, 400, "page"));
        cases.add(new Case("a size as text", "analyst", "GET", "/api/v1/assessments?size=abc", null, 400, "size"));
        cases.add(new Case("a size over 100", "analyst", "GET", "/api/v1/assessments?size=1000", null, 400, "size"));
        cases.add(new Case("an unknown status", "analyst", "GET", "/api/v1/assessments?status=DONE", null, 400, "status"));
        cases.add(new Case("a time that is not a time", "auditor", "GET", "/api/v1/audit?from=yesterday", null, 400, "from"));
        cases.add(new Case("an unknown parameter", "analyst", "GET", "/api/v1/comparison?band=9", null, 400, "band"));
        cases.add(new Case("an unknown parameter", "analyst", "GET", "/api/v1/organisations/{org}/progress?colour=red", null, 400, "colour"));
        return cases.build();
    }

    @Inject
    DataSource db;

    static String organisation;
    static String draft;

    @BeforeEach
    void fixtures() {
        if (organisation == null) {
            organisation = Api.createOrganisation();
            draft = Api.createDraft(organisation);
            Api.analyst().get("/api/v1/questionnaires").then().statusCode(200);
            Api.auditor().get("/api/v1/rules").then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAProblemAndStoresNothing(Case c) {
        DatabaseSnapshot before = DatabaseSnapshot.of(db);
        Response response = send(c, organisation, draft);
        assertProblem(response, c.status(), c.pointer());
        assertThat(DatabaseSnapshot.of(db)).as("the database after " + c)
                .isEqualTo(before.withAuditRowIf(DatabaseSnapshot.auditsRefusals(c.path())));
    }

    /** SQL, markup, template and format metacharacters, quotes, a tab, a line break, and text beyond the BMP. */
    static final String NASTY = "x'); DROP TABLE organisation;-- <script>alert(1)</script> &amp; ${jndi:x} {{7*7}} %s \\ \" ` \t a\nb 🙂";

    @Test
    void textWithMetacharactersIsStoredAndReturnedVerbatim() {
        String code = Api.newCode();
        String quoted = BadInputTest.JSON.valueToTree(NASTY).toString();
        Api.admin().body("{\"code\":\"" + code + "\",\"name\":" + quoted + ",\"type\":\"OTHER\",\"region\":" + quoted + "}")
                .post("/api/v1/organisations").then().statusCode(201);
        Response org = Api.admin().get("/api/v1/organisations/" + code);
        assertThat(org.contentType()).startsWith("application/json");
        assertThat(org.jsonPath().getString("name")).isEqualTo(NASTY.strip());
        assertThat(org.jsonPath().getString("region")).isEqualTo(NASTY.strip());

        String id = Api.as(Api.leadOf(code)).body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\","
                + "\"period\":\"2025-06\",\"scope\":" + quoted + "}").post("/api/v1/assessments").then().statusCode(201)
                .extract().path("id");
        Api.as(Api.leadOf(code)).body("{\"answers\":[{\"question\":\"DL-01\",\"value\":2,\"evidence\":" + quoted + "}]}")
                .put("/api/v1/assessments/" + id + "/answers").then().statusCode(200);
        Response read = Api.as(Api.leadOf(code)).get("/api/v1/assessments/" + id);
        assertThat(read.jsonPath().getString("scope")).isEqualTo(NASTY.strip());
        assertThat(read.jsonPath().getString("answers[0].evidence")).isEqualTo(NASTY.strip());
        assertThat(read.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(Api.rows(db, "organisation")).isPositive();
    }

    /** Sends {@code c} with its placeholders filled: an organisation of the caller's and a draft of it. */
    public static Response send(Case c, String organisation, String draft) {
        String resolved = c.path().replace("{org}", organisation).replace("{draft}", draft)
                .replace("{random}", UUID.randomUUID().toString());
        var request = Api.as(BadInputTest.userFor(c.user(), organisation)).urlEncodingEnabled(false);
        if (c.body() != null) {
            request = request.body(c.body().replace("{org}", organisation));
        }
        return request.request(c.method(), resolved);
    }
}
