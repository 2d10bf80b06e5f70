package org.readiness.testing;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static io.restassured.RestAssured.given;

/**
 * Shortcuts for tests of the persistence API. Every test makes its own organisation with a code no other
 * test uses, so tests share one database per run without seeing each other's rows.
 */
public final class Api {

    public static final String QUESTIONNAIRE = "nttp-readiness";
    /** The items every submission must answer (the questionnaire's completeness section: its critical items). */
    public static final String CRITICAL_ANSWERS = """
            {"question":"DL-01","value":3,"evidence":"Lead in post since April"},
            {"question":"GV-01","value":2},{"question":"PT-01","value":"DONT_KNOW"}""";

    private Api() {
    }

    /**
     * A code of the statistical-code shape that no real area has (S9...), new on every call in this JVM.
     * The counter lives in a system property because Quarkus may load this class more than once.
     */
    public static synchronized String newCode() {
        long next = Long.getLong("test-data.code-sequence", 0) + 1;
        System.setProperty("test-data.code-sequence", String.valueOf(next));
        return String.format("S9%07d", next);
    }

    public static String createOrganisation() {
        String code = newCode();
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Test council " + code + "\",\"type\":\"LOCAL_AUTHORITY\"}")
                .post("/api/v1/organisations").then().statusCode(201);
        return code;
    }

    /** A new draft for a new organisation; returns its id. */
    public static String createDraft() {
        return createDraft(createOrganisation());
    }

    public static String createDraft(String organisation) {
        return given().contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + organisation + "\",\"questionnaire\":\"" + QUESTIONNAIRE
                        + "\",\"period\":\"2025-06\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
    }

    public static Response putAnswers(String id, String answersJson) {
        return given().contentType(ContentType.JSON).body("{\"answers\":[" + answersJson + "]}")
                .put("/api/v1/assessments/" + id + "/answers");
    }

    public static Response submit(String id) {
        return given().post("/api/v1/assessments/" + id + "/submit");
    }

    /** A submitted assessment with the critical items and {@code more} answered; returns its id. */
    public static String submitted(String more) {
        String id = createDraft();
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
