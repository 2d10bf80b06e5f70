package org.readiness.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.readiness.testing.Api;
import org.readiness.testing.DatabaseSnapshot;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that reads a body, fed the ways a body goes wrong: each is answered with a 4xx problem+json
 * that names the problem, and the database holds nothing new afterwards. (Wrong values, unknown things and
 * text kept verbatim: {@link BadValuesTest}.)
 */
@QuarkusTest
public class BadInputTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An endpoint with a body it would accept, its text fields and its required fields, as JSON pointers. */
    public record Endpoint(String method, String path, String user, String body, List<String> texts, List<String> required) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/organisations", "admin",
                    "{\"code\":\"S98000001\",\"name\":\"A council\",\"type\":\"LOCAL_AUTHORITY\",\"region\":\"West\"}",
                    List.of("/name", "/region"), List.of("/code", "/name", "/type")),
            new Endpoint("POST", "/api/v1/users", "admin",
                    "{\"username\":\"bad-input-new\",\"password\":\"a-long-enough-password\",\"roles\":[\"analyst\"]}",
                    List.of("/username", "/password"), List.of("/username", "/password", "/roles")),
            new Endpoint("PUT", "/api/v1/users/{user}", "admin", "{\"password\":\"another-long-password\"}",
                    List.of("/password"), List.of()),
            new Endpoint("POST", "/api/v1/assessments", "lead",
                    "{\"organisation\":\"{org}\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-06\",\"scope\":\"Housing\"}",
                    List.of("/scope", "/period"), List.of("/questionnaire", "/period")),
            new Endpoint("PUT", "/api/v1/assessments/{draft}/answers", "lead",
                    "{\"answers\":[{\"question\":\"DL-01\",\"value\":2,\"evidence\":\"Minutes of May\"}]}",
                    List.of("/answers/0/evidence"), List.of("/answers", "/answers/0/question", "/answers/0/value")),
            new Endpoint("POST", "/api/v1/score", "analyst",
                    "{\"questionnaire\":\"nttp-readiness\",\"answers\":[{\"question\":\"DL-01\",\"value\":2,\"evidence\":\"x\"}]}",
                    List.of("/answers/0/evidence"), List.of("/questionnaire", "/answers", "/answers/0/value")),
            new Endpoint("PUT", "/api/v1/organisations/{org}/targets", "lead",
                    "{\"targets\":[{\"enabler\":\"dedicated-lead\",\"score\":3}]}",
                    List.of("/targets/0/enabler"), List.of("/targets", "/targets/0/enabler")),
            new Endpoint("POST", "/api/v1/rulesets/impact", "auditor", "{\"folder\":\"no-such-draft\"}",
                    List.of("/folder"), List.of()));

    /** A request and what must come back: the status, and a JSON pointer the problem must name (or null). */
    public record Case(String name, Endpoint endpoint, String contentType, byte[] body, int status, String pointer) {
        @Override
        public String toString() {
            return endpoint + ": " + name;
        }
    }

    /** The battery; SoakIT sends it too, mixed with concurrent writes. */
    public static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : ENDPOINTS) {
            String valid = e.body();
            cases.add(json(e, "malformed JSON", "{\"a\":", 400, ""));
            cases.add(json(e, "truncated JSON", valid.substring(0, valid.length() / 2), 400, ""));
            cases.add(json(e, "a JSON array instead of an object", "[" + valid + "]", 400, ""));
            cases.add(json(e, "an empty body", "", 400, ""));
            cases.add(json(e, "content after the JSON value", valid + " {}", 400, ""));
            cases.add(new Case("wrong content type", e, "text/plain", bytes(valid), 415, null));
            cases.add(new Case("no Content-Type", e, null, bytes(valid), 415, null));
            cases.add(new Case("a Content-Type that names no type", e, "*/*", bytes(valid), 415, null));
            cases.add(json(e, "a field named twice", twice(valid), 400, "/" + firstField(valid)));
            cases.add(new Case("a form body", e, "application/x-www-form-urlencoded; charset=UTF-8", bytes("a=b"), 415, null));
            cases.add(json(e, "a body over 1 MB", "{\"x\":\"" + "a".repeat(1_100_000) + "\"}", 413, null));
            cases.add(json(e, "JSON nested 10,000 deep", "[".repeat(10_000) + "]".repeat(10_000), 400, ""));
            cases.add(json(e, "objects nested 10,000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), 400, ""));
            cases.add(new Case("invalid UTF-8", e, "application/json", invalidUtf8(valid), 400, ""));
            cases.add(json(e, "an unknown field", with(valid, "/unexpectedField", "\"x\""), 400, "/unexpectedField"));
            for (String text : e.texts()) {
                cases.add(json(e, "100,000 characters in " + text, with(valid, text, "\"" + "x".repeat(100_000) + "\""), 400, text));
                cases.add(json(e, "a NUL character in " + text, with(valid, text, "\"a\\u0000b\""), 400, text));
                cases.add(json(e, "half a surrogate pair in " + text, with(valid, text, "\"@\"").replace("\"@\"", "\"a\\ud800b\""), 400, text));
                cases.add(json(e, "a number in " + text, with(valid, text, "42"), 400, text));
            }
            for (String field : e.required()) {
                cases.add(json(e, "null in " + field, with(valid, field, "null"), 400, field));
            }
        }
        return cases.stream();
    }

    @Inject
    DataSource db;

    static String organisation;
    static String draft;
    static String user;

    @BeforeEach
    void fixtures() {
        if (organisation == null) {
            organisation = Api.createOrganisation();
            draft = Api.createDraft(organisation);
            user = Api.user("bad-input-" + organisation.toLowerCase(), "analyst", null);
            Api.analyst().get("/api/v1/questionnaires").then().statusCode(200);
            Api.auditor().get("/api/v1/rules").then().statusCode(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithAProblemAndStoresNothing(Case c) {
        DatabaseSnapshot before = DatabaseSnapshot.of(db);
        Response response = send(c, organisation, draft, user);
        assertProblem(response, c.status(), c.pointer());
        // An impact analysis or replay that reached its endpoint leaves its audit row; one refused before (JSON that
        // does not parse, another media type) leaves none.
        assertThat(DatabaseSnapshot.of(db)).as("the database after " + c)
                .isIn(before, before.withAuditRowIf(DatabaseSnapshot.auditsRefusals(c.endpoint().path())));
    }

    /** Sends {@code c} with its placeholders filled: an organisation, a draft of it, and a user to change. */
    public static Response send(Case c, String organisation, String draft, String user) {
        Endpoint e = c.endpoint();
        String path = e.path().replace("{org}", organisation).replace("{draft}", draft).replace("{user}", user);
        // Placeholders are replaced byte for byte (ISO-8859-1 maps each byte to one char), so invalid UTF-8 survives.
        String text = new String(c.body(), StandardCharsets.ISO_8859_1).replace("{org}", organisation);
        String contentType = c.contentType();
        if (contentType == null) {
            return withoutContentType(e.method(), path, userFor(e.user(), organisation), text.getBytes(StandardCharsets.ISO_8859_1));
        }
        var request = Api.as(userFor(e.user(), organisation)).contentType(contentType);
        // RestAssured encodes a form itself and takes it only as text.
        request = contentType.startsWith("application/x-www-form-urlencoded") ? request.body(text)
                : request.body(text.getBytes(StandardCharsets.ISO_8859_1));
        return request.request(e.method(), path);
    }

    /**
     * A request with a body and no Content-Type at all: RestAssured always sends one (even after noContentType(), as
     * "*&#47;*"), the JDK's client sends none unless told.
     */
    static Response withoutContentType(String method, String path, String user, byte[] body) {
        try {
            String password = Api.ADMIN.equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
            HttpResponse<String> sent = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new ResponseBuilder().setStatusCode(sent.statusCode()).setBody(sent.body())
                    .setContentType(sent.headers().firstValue("Content-Type").orElse("")).build();
        } catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(method + " " + path, ex);
        }
    }

    /** A user of {@code role}; "lead" is the org-lead of {@code organisation}. */
    static String userFor(String role, String organisation) {
        return switch (role) {
            case "admin" -> Api.ADMIN;
            case "analyst" -> Api.user(Api.ANALYST, "analyst", null);
            case "auditor" -> Api.user(Api.AUDITOR, "auditor", null);
            case "lead" -> Api.leadOf(organisation);
            default -> throw new IllegalArgumentException(role);
        };
    }

    /** A 4xx application/problem+json with type, title, status (the HTTP one), detail, and the pointer named. */
    public static void assertProblem(Response response, int status, String pointer) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        JsonNode problem = read(response.asString());
        assertThat(problem.path("type").asText()).startsWith("urn:readiness:problem:");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (pointer != null) {
            List<String> pointers = new ArrayList<>();
            problem.path("errors").forEach(error -> pointers.add(error.path("pointer").asText()));
            assertThat(pointers).as(problem.toString()).contains(pointer);
        }
    }

    static Case json(Endpoint e, String name, String body, int status, String pointer) {
        return new Case(name, e, "application/json", bytes(body), status, pointer);
    }

    /** The body with the value at {@code pointer} set to {@code valueJson} (the parent must exist). */
    static String with(String body, String pointer, String valueJson) {
        try {
            JsonNode root = JSON.readTree(body);
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = root.at(pointer.substring(0, slash));
            ((ObjectNode) parent).set(pointer.substring(slash + 1), JSON.readTree(valueJson));
            return JSON.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalArgumentException(body + " " + pointer, e);
        }
    }

    /** The name of the first field of a body that is a JSON object. */
    static String firstField(String body) {
        return read(body).fieldNames().next();
    }

    /** The body with its first field named once more, before its own value: {"a":null,"a":1,...}. */
    static String twice(String body) {
        return "{\"" + firstField(body) + "\":null," + body.substring(1);
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + text, e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body with two bytes that UTF-8 never uses put inside its first text value. */
    static byte[] invalidUtf8(String valid) {
        byte[] text = bytes(valid);
        int quote = valid.indexOf(":\"") + 2;
        byte[] out = Arrays.copyOf(text, text.length + 2);
        System.arraycopy(text, quote, out, quote + 2, text.length - quote);
        out[quote] = (byte) 0xFF;
        out[quote + 1] = (byte) 0xFE;
        return out;
    }
}
