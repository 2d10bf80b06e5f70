package org.readiness.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Shortcuts for API tests. Every request authenticates (preemptive HTTP Basic): {@link #as(String)} for a
 * named user, {@link #admin()}, {@link #analyst()}, {@link #auditor()}, and for an organisation's things
 * {@link #leadOf(String)} / {@link #respondentOf(String)} (users made through the admin API on first use) or
 * {@link #owner(String)} for the organisation lead of an assessment made here. The first admin comes from
 * %test.readiness.admin.* in application.properties, as production's comes from READINESS_ADMIN_*.
 * <p>
 * Shortcuts for tests of the persistence API. Every test makes its own organisation with a code no other
 * test uses, so tests share one database per run without seeing each other's rows.
 */
public final class Api {

    public static final String QUESTIONNAIRE = "nttp-readiness";
    /**
     * The items every submission must answer (the questionnaire's completeness section: its critical items). Versions
     * 1 and 2 mark the same three items critical.
     */
    public static final String CRITICAL_ANSWERS = """
            {"question":"DL-01","value":3,"evidence":"Lead in post since April"},
            {"question":"GV-01","value":2},{"question":"PT-01","value":"DONT_KNOW"}""";

    /** The test admin (see application.properties, %test.readiness.admin.*). */
    public static final String ADMIN = "test-admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** The password of every user this class creates. */
    public static final String PASSWORD = "test-password-1";
    public static final String ANALYST = "test-analyst";
    public static final String AUDITOR = "test-auditor";

    private Api() {
    }

    /** A request as {@code username} (preemptive Basic). Users other than the admin have {@link #PASSWORD}. */
    public static RequestSpecification as(String username) {
        return as(username, ADMIN.equals(username) ? ADMIN_PASSWORD : PASSWORD);
    }

    /**
     * As {@code username} with {@code password}. The content type is JSON unless a test sets another: RestAssured
     * would otherwise label a POST without body as a form, which the CSRF filter refuses (400) without a token.
     */
    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON);
    }

    public static RequestSpecification admin() {
        return as(ADMIN);
    }

    /** Reads everything, writes nothing of the organisations'. */
    public static RequestSpecification analyst() {
        return as(user(ANALYST, "analyst", null));
    }

    public static RequestSpecification auditor() {
        return as(user(AUDITOR, "auditor", null));
    }

    /**
     * Makes a user with {@link #PASSWORD} through the admin API unless it exists; returns its name. {@code role}
     * is one of respondent, org-lead, analyst, auditor, admin; organisation only for respondent and org-lead.
     */
    public static String user(String username, String role, String organisation) {
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"" + role + "\"]"
                + (organisation == null ? "" : ",\"organisation\":\"" + organisation + "\"") + "}";
        int status = admin().contentType(ContentType.JSON).body(body).post("/api/v1/users").statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Cannot create test user " + username + ": HTTP " + status);
        }
        return username;
    }

    /** The org-lead of an organisation (lead-&lt;code lower-case&gt;), made on first use. */
    public static String leadOf(String organisation) {
        return user("lead-" + organisation.toLowerCase(), "org-lead", organisation);
    }

    /** A respondent of an organisation (respondent-&lt;code lower-case&gt;), made on first use. */
    public static String respondentOf(String organisation) {
        return user("respondent-" + organisation.toLowerCase(), "respondent", organisation);
    }

    /** A request as the org-lead of the organisation of an assessment made by {@link #createDraft(String)}. */
    public static RequestSpecification owner(String assessmentId) {
        return as(leadOf(organisationOf(assessmentId)));
    }

    /** The organisation of an assessment, as the service says (analysts read every assessment). */
    public static String organisationOf(String assessmentId) {
        return analyst().get("/api/v1/assessments/" + assessmentId).then().statusCode(200).extract().path("organisation");
    }

    /**
     * A code of the statistical-code shape that no real area has (S9...), new on every call. The count goes on from
     * the highest such code the service already holds: a restart in the same test run (where Quarkus may load this
     * class afresh) keeps the database, so a count that began again at one would repeat codes.
     */
    public static synchronized String newCode() {
        if (lastCode < 0) {
            lastCode = admin().get("/api/v1/organisations").then().statusCode(200).extract().jsonPath()
                    .<String>getList("code").stream().filter(c -> c.matches("S9[0-9]{7}"))
                    .mapToLong(c -> Long.parseLong(c.substring(2))).max().orElse(0);
        }
        return String.format("S9%07d", ++lastCode);
    }

    private static long lastCode = -1;

    public static String createOrganisation() {
        String code = newCode();
        admin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Test council " + code + "\",\"type\":\"LOCAL_AUTHORITY\"}")
                .post("/api/v1/organisations").then().statusCode(201);
        return code;
    }

    /** A new draft for a new organisation; returns its id. */
    public static String createDraft() {
        return createDraft(createOrganisation());
    }

    /**
     * A new draft of {@code organisation}, started by its org-lead without naming a version, so of the latest version
     * of the questionnaire (what a new user gets); returns its id.
     */
    public static String createDraft(String organisation) {
        return createDraft(organisation, null);
    }

    /** A new draft of a new organisation for {@code version} of the questionnaire; returns its id. */
    public static String createDraft(int version) {
        return createDraft(createOrganisation(), version);
    }

    /**
     * A new draft of {@code organisation}, started by its org-lead, for {@code version} of the questionnaire (the
     * latest when null: the request names none); returns its id. Tests that answer items a version retired pin it.
     */
    public static String createDraft(String organisation, Integer version) {
        String id = as(leadOf(organisation)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + organisation + "\",\"questionnaire\":\"" + QUESTIONNAIRE + "\","
                        + (version == null ? "" : "\"version\":" + version + ",") + "\"period\":\"2025-06\"}")
                .post("/api/v1/assessments").then().statusCode(201)
                .body("questionnaire.version", version == null ? notNullValue() : equalTo(version))
                .extract().path("id");
        return id;
    }

    public static Response putAnswers(String id, String answersJson) {
        return owner(id).contentType(ContentType.JSON).body("{\"answers\":[" + answersJson + "]}")
                .put("/api/v1/assessments/" + id + "/answers");
    }

    public static Response submit(String id) {
        return owner(id).post("/api/v1/assessments/" + id + "/submit");
    }

    /**
     * A submitted assessment of the latest questionnaire version with the critical items and {@code more} answered;
     * returns its id.
     */
    public static String submitted(String more) {
        return submitted(null, more);
    }

    /**
     * A submitted assessment of {@code version} of the questionnaire (the latest when null) with the critical items
     * (the same ids in every version) and {@code more} answered; returns its id.
     */
    public static String submitted(Integer version, String more) {
        String id = createDraft(createOrganisation(), version);
        putAnswers(id, CRITICAL_ANSWERS + (more.isEmpty() ? "" : "," + more)).then().statusCode(200);
        submit(id).then().statusCode(201);
        return id;
    }

    /** COUNT(*) of a query with one parameter (or none when {@code parameter} is null), in plain JDBC. */
    public static long count(DataSource db, String sql, Object parameter) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setObject(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static long rows(DataSource db, String table) {
        return count(db, "SELECT COUNT(*) FROM " + table, null);
    }
}
