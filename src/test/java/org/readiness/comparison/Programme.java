package org.readiness.comparison;

import io.restassured.http.ContentType;
import org.readiness.testing.Api;

import java.util.UUID;

/**
 * Builds organisations and submitted assessments through the API for comparison and progress tests. Each test
 * puts its organisations in a region of its own, so that the cohort it filters on holds only them although all
 * tests share one database.
 */
final class Programme {

    private Programme() {
    }

    static String newRegion() {
        return "Region " + UUID.randomUUID();
    }

    static String organisation(String name, String region, String type) {
        String code = Api.newCode();
        Api.admin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":" + json(name) + ",\"type\":\"" + type + "\""
                        + (region == null ? "" : ",\"region\":" + json(region)) + "}")
                .post("/api/v1/organisations").then().statusCode(201);
        return code;
    }

    static String organisation(String region) {
        return organisation("Council " + UUID.randomUUID().toString().substring(0, 8), region, "LOCAL_AUTHORITY");
    }

    /**
     * Submits an assessment of version 1 of the questionnaire whose answers are {@code answers} (JSON objects, without
     * the critical items unless given) and, when not among them, the critical items DL-01, GV-01 and PT-01. Returns its
     * id. Version 1 stays served, and the comparison and progress tests were written against its items and weights
     * ({@link #lead(int)}, the SAMM worked example); {@link #submit(int, String, String, String, String)} names another.
     */
    static String submit(String organisation, String period, String scope, String answers) {
        return submit(1, organisation, period, scope, answers);
    }

    /** As {@link #submit(String, String, String, String)}, for {@code version} of the questionnaire. */
    static String submit(int version, String organisation, String period, String scope, String answers) {
        String id = Api.as(Api.leadOf(organisation)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + organisation + "\",\"questionnaire\":\"" + Api.QUESTIONNAIRE
                        + "\",\"version\":" + version + ",\"period\":\"" + period + "\""
                        + (scope == null ? "" : ",\"scope\":" + json(scope)) + "}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        StringBuilder all = new StringBuilder(answers);
        for (String critical : new String[]{"DL-01", "GV-01", "PT-01"}) {
            if (!answers.contains("\"" + critical + "\"")) {
                all.append(all.length() == 0 ? "" : ",").append("{\"question\":\"").append(critical).append("\",\"value\":0}");
            }
        }
        Api.putAnswers(id, all.toString()).then().statusCode(200);
        Api.submit(id).then().statusCode(201);
        return id;
    }

    /** Every dedicated-lead item of version 1 answered {@code value}, so that enabler scores exactly {@code value}. */
    static String lead(int value) {
        return same(value, "DL-01", "DL-02", "DL-03", "DL-04", "DL-05");
    }

    /** Every dedicated-lead item of version 2 answered {@code value}, so that enabler scores exactly {@code value}. */
    static String leadV2(int value) {
        return same(value, "DL-01", "DL-02", "DL-06", "DL-04", "DL-07", "DL-09");
    }

    static String same(int value, String... questions) {
        StringBuilder out = new StringBuilder();
        for (String q : questions) {
            out.append(out.length() == 0 ? "" : ",").append("{\"question\":\"").append(q).append("\",\"value\":")
                    .append(value).append('}');
        }
        return out.toString();
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
