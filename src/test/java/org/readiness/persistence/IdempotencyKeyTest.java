package org.readiness.persistence;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.Concurrently;
import org.readiness.testing.DatabaseSnapshot;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST creations with an Idempotency-Key: a retry with the same key and body gets the first answer and makes no
 * second row, whether it comes after the first or races it; the same key with another body is refused (422).
 */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    DataSource db;

    record Creation(String name, Supplier<RequestSpecification> caller, String path, String body, String table) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The three creations, each with a body no other call of this method makes. */
    static List<Creation> creations() {
        String organisation = Api.createOrganisation();
        String code = Api.newCode();
        String username = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        String lead = Api.leadOf(organisation);
        return List.of(
                new Creation("organisation", Api::admin, "/api/v1/organisations",
                        "{\"code\":\"" + code + "\",\"name\":\"Idempotent council\",\"type\":\"OTHER\"}", "organisation"),
                new Creation("user", Api::admin, "/api/v1/users",
                        "{\"username\":\"" + username + "\",\"password\":\"" + Api.PASSWORD + "\",\"roles\":[\"analyst\"]}", "app_user"),
                new Creation("draft", () -> Api.as(lead), "/api/v1/assessments",
                        "{\"organisation\":\"" + organisation + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-06\"}",
                        "assessment"));
    }

    static Response post(Creation c, String key, String body) {
        return c.caller().get().header("Idempotency-Key", key).body(body).post(c.path());
    }

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndMakesNoSecondRow() {
        for (Creation c : creations()) {
            String key = UUID.randomUUID().toString();
            long before = Api.rows(db, c.table());
            Response first = post(c, key, c.body());
            assertThat(first.statusCode()).as(c + ": " + first.asString()).isEqualTo(201);
            assertThat(first.header("Idempotent-Replayed")).isNull();

            Response again = post(c, key, c.body());
            assertThat(again.statusCode()).as(c.toString()).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.header("Location")).isEqualTo(first.header("Location"));
            assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(again.asString()).isEqualTo(first.asString());
            assertThat(Api.rows(db, c.table())).as(c.toString()).isEqualTo(before + 1);
        }
    }

    @Test
    void keysAreEachCallersOwn() {
        Creation c = creations().get(0);
        String key = UUID.randomUUID().toString();
        post(c, key, c.body()).then().statusCode(201);
        // Another admin with the same key and body is a new request: the code is taken now.
        Api.as(Api.user("idem-admin-" + key.substring(0, 8), "admin", null)).header("Idempotency-Key", key)
                .body(c.body()).post(c.path()).then().statusCode(409);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndStoresNothing() {
        for (Creation c : creations()) {
            String key = UUID.randomUUID().toString();
            post(c, key, c.body()).then().statusCode(201);
            DatabaseSnapshot before = DatabaseSnapshot.of(db);
            Response refused = post(c, key, c.body().replace("}", ",\"region\":\"Elsewhere\"}"));
            assertThat(refused.statusCode()).as(c + ": " + refused.asString()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:readiness:problem:idempotency-key-reused");
            assertThat(refused.jsonPath().getList("errors.pointer")).containsExactly("header:Idempotency-Key");
            assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
        }
    }

    @Test
    void aKeyThatIsNotAKeyIsRefused() {
        Creation c = creations().get(0);
        for (String key : new String[]{"has space", "x".repeat(256), "é"}) {
            DatabaseSnapshot before = DatabaseSnapshot.of(db);
            Response refused = post(c, key, c.body());
            assertThat(refused.statusCode()).as(key).isEqualTo(400);
            assertThat(refused.jsonPath().getList("errors.pointer")).containsExactly("header:Idempotency-Key");
            assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
        }
    }

    @Test
    void racingRetriesWithOneKeyMakeOneRowAndAllGetItsAnswer() throws Exception {
        for (Creation c : creations()) {
            String key = UUID.randomUUID().toString();
            long before = Api.rows(db, c.table());
            List<Response> responses = Concurrently.all(8, 8, i -> post(c, key, c.body()));
            List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
            // Each racer gets the first answer or, while the first is still being written, 409 to retry.
            assertThat(statuses).as(c.toString()).allMatch(s -> s == 201 || s == 409).contains(201);
            assertThat(responses.stream().filter(r -> r.statusCode() == 201).map(Response::asString).distinct()).hasSize(1);
            assertThat(Api.rows(db, c.table())).as(c.toString()).isEqualTo(before + 1);
        }
    }
}
