package org.readiness.account;

import org.readiness.identity.Access;
import org.readiness.identity.Role;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.readiness.config.ReadinessConfig;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * For OIDC bearer tokens: adds the roles found in the configured claims (readiness.security.oidc.roles-claims,
 * by default "roles" and Keycloak's "realm_access/roles"; only the five roles of this service are kept) and
 * the organisation code from readiness.security.oidc.organisation-claim (default "organisation") as the
 * {@link Access#ORGANISATION} attribute. Identities of database users pass unchanged.
 */
@ApplicationScoped
public class TokenClaimsAugmentor implements SecurityIdentityAugmentor {

    @Inject
    ReadinessConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(() -> augment(identity, config.security().oidc().rolesClaims(),
                config.security().oidc().organisationClaim()));
    }

    static SecurityIdentity augment(SecurityIdentity identity, List<String> rolesClaims, String organisationClaim) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return identity;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String claim : rolesClaims) {
            for (String role : strings(claim(token, claim))) {
                Role.of(role).ifPresent(r -> roles.add(r.id()));
            }
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity).addRoles(roles);
        strings(claim(token, organisationClaim)).stream().findFirst()
                .ifPresent(code -> builder.addAttribute(Access.ORGANISATION, code));
        return builder.build();
    }

    /** A claim by path ("realm_access/roles"), through nested JSON objects. */
    static Object claim(JsonWebToken token, String path) {
        String[] parts = path.split("/");
        Object value = token.getClaim(parts[0]);
        for (int i = 1; i < parts.length && value != null; i++) {
            value = value instanceof Map<?, ?> map ? map.get(parts[i]) : null;
        }
        return value;
    }

    /** A JSON array, a collection or a space- or comma-separated text, as strings. */
    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> many) {
            return many.stream().map(TokenClaimsAugmentor::text).flatMap(Optional::stream).toList();
        }
        return text(value).map(t -> Arrays.stream(t.split("[ ,]+")).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private static Optional<String> text(Object value) {
        if (value instanceof jakarta.json.JsonString s) {
            return Optional.of(s.getString());
        }
        if (value instanceof CharSequence s) {
            return Optional.of(s.toString());
        }
        return Optional.empty();
    }
}
