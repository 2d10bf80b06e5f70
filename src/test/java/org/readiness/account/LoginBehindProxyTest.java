package org.readiness.account;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.DeployedSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy (127.0.0.1 here, as a load balancer would be), X-Forwarded-For tells the clients apart:
 * an attacker is held back without locking the real user out, and an address guessing many usernames is held back
 * without locking out those who signed in from it before. A peer that is not a trusted proxy (127.0.0.2) cannot
 * choose its address with the header.
 */
@QuarkusTest
@TestProfile(DeployedSettings.class)
class LoginBehindProxyTest {

    @Test
    void theRealUserAtAnotherAddressSignsInWhileAnAttackerIsHeldBack() {
        String user = Api.respondentOf(Api.createOrganisation());
        for (int i = 0; i < 30; i++) {
            Api.as(user, "guess-" + i).header("X-Forwarded-For", "203.0.113.7").get("/api/v1/questionnaires")
                    .then().statusCode(i < 5 ? 401 : 429);
        }
        Api.as(user).header("X-Forwarded-For", "198.51.100.20").get("/api/v1/questionnaires").then().statusCode(200);
        // Still held back at the attacker's address, right password or not.
        Api.as(user).header("X-Forwarded-For", "203.0.113.7").get("/api/v1/questionnaires").then().statusCode(429);
    }

    @Test
    void anAddressGuessingManyUsersIsHeldBackButNotForThoseWhoSignedInFromIt() {
        String colleague = Api.respondentOf(Api.createOrganisation());
        String office = "203.0.113.50";
        Api.as(colleague).header("X-Forwarded-For", office).get("/api/v1/questionnaires").then().statusCode(200);
        for (int i = 0; i < 10; i++) {
            Api.as("made-up-" + i + "-" + Api.newCode(), "guess").header("X-Forwarded-For", office)
                    .get("/api/v1/questionnaires").then().statusCode(401);
        }
        // Ten an hour: one failure drains every 360 s (less the time the ten took).
        String retryAfter = Api.as("made-up-" + Api.newCode(), "guess").header("X-Forwarded-For", office)
                .get("/api/v1/questionnaires").then().statusCode(429).extract().header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(240, 360);
        // A bearer token names no user: its address alone decides.
        given().header("Authorization", "Bearer abc").header("X-Forwarded-For", office).get("/api/v1/questionnaires")
                .then().statusCode(429).contentType("application/problem+json");
        Api.as(colleague).header("X-Forwarded-For", office).get("/api/v1/questionnaires").then().statusCode(200);
        Api.as("made-up-" + Api.newCode(), "guess").header("X-Forwarded-For", "203.0.113.51")
                .get("/api/v1/questionnaires").then().statusCode(401);
    }

    @Test
    void xForwardedForFromAPeerThatIsNotATrustedProxyIsIgnored() throws IOException {
        String user = Api.respondentOf(Api.createOrganisation());
        // Each guess claims another address; from 127.0.0.2 the claim is ignored and all five count together.
        for (int i = 0; i < 5; i++) {
            assertThat(statusFrom127002(user, "guess-" + i, "198.51.100." + i)).isEqualTo(401);
        }
        assertThat(statusFrom127002(user, Api.PASSWORD, "198.51.100.99")).isEqualTo(429);
        // Through the trusted proxy, the user's own address is open.
        Api.as(user).header("X-Forwarded-For", "198.51.100.99").get("/api/v1/questionnaires").then().statusCode(200);
    }

    /** A raw request from the loopback address 127.0.0.2, which is not in trusted-proxies. */
    private static int statusFrom127002(String user, String password, String forwardedFor) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port), 5000);
            socket.setSoTimeout(10_000);
            String request = "GET /api/v1/questionnaires HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + LoginLimitsTest.basic(user, password) + "\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
