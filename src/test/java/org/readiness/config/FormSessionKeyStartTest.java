package org.readiness.config;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.filter.cookie.CookieFilter;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.H2Only;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default started with no session key, as `./mvnw package quarkus:run` starts it: the key comes from
 * an owner-only file in the data folder, and the log never shows it (Quarkus' "temporary key" warning printed one).
 */
@QuarkusTest
@H2Only
@TestProfile(FormSessionKeyStartTest.NoKey.class)
class FormSessionKeyStartTest {

    static final Path HOME = Path.of(".", "target", "form-session-key", UUID.randomUUID().toString());

    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(FormSessionKey.KEY, "",
                    "readiness.data-dir", HOME.resolve("data").toString(),
                    "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", HOME.resolve("service.log").toString());
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void theKeyComesFromAnOwnerOnlyFileAndIsNeverLogged() throws Exception {
        Path file = HOME.resolve("data").resolve("form-session.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String key = Files.readString(file);
        assertThat(ConfigProvider.getConfig().getValue(FormSessionKey.KEY, String.class)).isEqualTo(key);

        CookieFilter cookies = new CookieFilter();
        given().filter(cookies).redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", Api.ADMIN).formParam("j_password", Api.ADMIN_PASSWORD)
                .post("/j_security_check").then().statusCode(302);
        given().filter(cookies).redirects().follow(false).get("/web/").then().statusCode(200);

        String log = Files.readString(HOME.resolve("service.log"));
        assertThat(log).contains("Installed features").doesNotContain("temporary key").doesNotContain(key);
    }
}
