package org.readiness.account;

import org.readiness.identity.Access;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** OIDC mode without an identity provider: roles and organisation read from a token's claims. */
class TokenClaimsAugmentorTest {

    private static final List<String> ROLE_CLAIMS = List.of("roles", "realm_access/roles");

    record Token(String name, Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @SuppressWarnings("unchecked")
        @Override
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    private static SecurityIdentity identity(Principal principal) {
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).build();
    }

    @Test
    void readsRolesFromARolesClaimAndTheOrganisationFromItsClaim() {
        SecurityIdentity augmented = TokenClaimsAugmentor.augment(identity(new Token("ann",
                Map.of("roles", Json.createArrayBuilder().add("respondent").add("offline_access").build(),
                        "organisation", Json.createValue("S12000035")))), ROLE_CLAIMS, "organisation");
        assertEquals(Set.of("respondent"), augmented.getRoles(), "only this service's roles are kept");
        assertEquals("S12000035", augmented.getAttribute(Access.ORGANISATION));
    }

    @Test
    void readsKeycloakRealmRolesAndAConfiguredOrganisationClaim() {
        SecurityIdentity augmented = TokenClaimsAugmentor.augment(identity(new Token("bob", Map.of(
                "realm_access", Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("analyst")
                        .add("default-roles-readiness")).build(),
                "org", "S12000049"))), ROLE_CLAIMS, "org");
        assertEquals(Set.of("analyst"), augmented.getRoles());
        assertEquals("S12000049", augmented.getAttribute(Access.ORGANISATION));
    }

    @Test
    void aSpaceSeparatedRolesClaimAndNoOrganisation() {
        SecurityIdentity augmented = TokenClaimsAugmentor.augment(identity(new Token("cat",
                Map.of("scope_roles", "auditor admin"))), List.of("scope_roles"), "organisation");
        assertEquals(Set.of("auditor", "admin"), augmented.getRoles());
        assertNull(augmented.getAttribute(Access.ORGANISATION));
    }

    @Test
    void identitiesOfDatabaseUsersPassUnchanged() {
        SecurityIdentity db = identity(() -> "dora");
        assertSame(db, TokenClaimsAugmentor.augment(db, ROLE_CLAIMS, "organisation"));
    }
}
