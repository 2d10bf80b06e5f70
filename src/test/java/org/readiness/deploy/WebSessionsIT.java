package org.readiness.deploy;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.ServiceProcess;
import org.readiness.testing.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form login's key and sessions in the packaged service: the PostgreSQL build does not start without the key;
 * the embedded default keeps its own across a restart and never logs it; and a sign-out on one of two instances
 * ends the session on the other at once.
 */
class WebSessionsIT {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Test
    void thePostgresqlBuildRefusesToStartWithoutTheKey() {
        try (TestPostgres.Database db = TestPostgres.freshDatabase("no_session_key")) {
            assertThat(ServiceProcess.pg(db).name("no-session-key").env("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", null)
                    .startRefused()).contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        }
    }

    @Test
    void theEmbeddedDefaultKeepsItsKeyAcrossARestartAndNeverLogsIt() throws Exception {
        try (ServiceProcess service = ServiceProcess.h2().name("own-session-key")
                .env("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", null).start()) {
            Path file = service.home().resolve("data").resolve("form-session.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            String key = Files.readString(file);
            Map<String, String> cookies = signIn(service, Api.ADMIN, Api.ADMIN_PASSWORD);
            page(service, cookies).then().statusCode(200);
            Path firstLog = service.logFile();

            service.stopGracefully();
            service.restart();

            page(service, cookies).then().statusCode(200);
            assertThat(Files.readString(file)).isEqualTo(key);
            for (Path log : new Path[]{firstLog, service.logFile()}) {
                assertThat(Files.readString(log)).contains("Installed features").doesNotContain("temporary key")
                        .doesNotContain(key);
            }
        }
    }

    @Test
    void signingOutOnOneInstanceEndsTheSessionOnTheOther() throws Exception {
        try (TestPostgres.Database db = TestPostgres.freshDatabase("web_sessions");
             ServiceProcess a = ServiceProcess.pg(db).name("web-sessions-a").start();
             ServiceProcess b = ServiceProcess.pg(db).name("web-sessions-b").start()) {
            Map<String, String> copy = signIn(a, Api.ADMIN, Api.ADMIN_PASSWORD);
            page(b, copy).then().statusCode(200);

            Response onB = page(b, copy);
            Matcher token = TOKEN.matcher(onB.asString());
            assertThat(token.find()).isTrue();
            given(b).cookies(copy).contentType(ContentType.URLENC).formParam("csrf-token", token.group(1))
                    .post("/web/logout").then().statusCode(303);

            page(a, copy).then().statusCode(302);
            page(b, copy).then().statusCode(302);
        }
    }

    private static Map<String, String> signIn(ServiceProcess service, String username, String password) {
        Response r = given(service).contentType(ContentType.URLENC).formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
        r.then().statusCode(302);
        return r.getCookies();
    }

    private static Response page(ServiceProcess service, Map<String, String> cookies) {
        return given(service).cookies(cookies).get("/web/");
    }

    private static io.restassured.specification.RequestSpecification given(ServiceProcess service) {
        return RestAssured.given().baseUri(service.baseUrl()).redirects().follow(false);
    }
}
