package org.readiness.account;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.Concurrently;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verified HTTP Basic credentials are kept briefly (VerifiedCredentials): kept after a success only, never for a
 * wrong password, and dropped as soon as the user's password or roles change, so a change takes effect at once.
 */
@QuarkusTest
class VerifiedCredentialsTest {

    @Inject
    @CacheName(VerifiedCredentials.CACHE)
    Cache cache;

    @Inject
    LoginGuard logins;

    @Inject
    VerifiedCredentials credentials;

    @AfterEach
    void forgetLockOuts() {
        logins.reset();
    }

    @Test
    void aSuccessIsKeptUnderAnHmacAndAWrongPasswordIsNot() {
        String name = Api.user("cached-" + Api.newCode().toLowerCase(), "analyst", null);
        Api.as(name).get("/api/v1/organisations").then().statusCode(200);
        assertThat(keysOf(name)).singleElement().satisfies(k -> {
            assertThat(k.mac()).hasSize(64).doesNotContain(Api.PASSWORD);
        });
        Api.as(name).get("/api/v1/organisations").then().statusCode(200);
        assertThat(keysOf(name)).hasSize(1);

        Api.as(name, "not-the-password").get("/api/v1/organisations").then().statusCode(401);
        assertThat(keysOf(name)).hasSize(1);
    }

    @Test
    void concurrentRequestsWithCredentialsNotYetKeptShareOneDatabaseCheck() throws Exception {
        String name = Api.user("herd-" + Api.newCode().toLowerCase(), "analyst", null);
        long before = credentials.databaseChecks();
        List<Integer> statuses = Concurrently.all(16, 16, i -> Api.as(name).get("/api/v1/organisations").statusCode());
        assertThat(statuses).containsOnly(200);
        // As when an entry expires under load: one bcrypt check, not one per waiting request.
        assertThat(credentials.databaseChecks() - before).isEqualTo(1);
    }

    @Test
    void aPasswordChangeDropsTheKeptCredentialAtOnce() {
        String name = Api.user("repass-" + Api.newCode().toLowerCase(), "analyst", null);
        Api.as(name).get("/api/v1/organisations").then().statusCode(200);
        assertThat(keysOf(name)).hasSize(1);

        Api.admin().body("{\"password\":\"a-new-password-3\"}").put("/api/v1/users/" + name).then().statusCode(200);
        assertThat(keysOf(name)).isEmpty();
        Api.as(name).get("/api/v1/organisations").then().statusCode(401);
        Api.as(name, "a-new-password-3").get("/api/v1/organisations").then().statusCode(200);
    }

    @Test
    void aRoleChangeTakesEffectOnTheNextRequest() {
        String name = Api.user("promoted-" + Api.newCode().toLowerCase(), "analyst", null);
        Api.as(name).get("/api/v1/users").then().statusCode(403);
        Api.admin().body("{\"roles\":[\"admin\"]}").put("/api/v1/users/" + name).then().statusCode(200);
        Api.as(name).get("/api/v1/users").then().statusCode(200);
        Api.admin().body("{\"roles\":[\"auditor\"]}").put("/api/v1/users/" + name).then().statusCode(200);
        Api.as(name).get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void lockOutStillCountsEveryWrongPasswordAndStopsEvenAKeptOne() {
        String name = Api.user("locked-" + Api.newCode().toLowerCase(), "analyst", null);
        Api.as(name).get("/api/v1/organisations").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            Api.as(name, "wrong-password-" + i).get("/api/v1/organisations").then().statusCode(401);
        }
        Api.as(name).get("/api/v1/organisations").then().statusCode(429);
    }

    private List<VerifiedCredentials.Key> keysOf(String username) {
        return cache.as(CaffeineCache.class).keySet().stream().map(VerifiedCredentials.Key.class::cast)
                .filter(k -> k.username().equals(username)).toList();
    }
}
