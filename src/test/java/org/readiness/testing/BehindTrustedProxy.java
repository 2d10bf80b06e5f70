package org.readiness.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service behind a proxy it trusts (127.0.0.1 and ::1, as a load balancer or TLS-terminating proxy would be):
 * X-Forwarded-For names the client and X-Forwarded-Proto the scheme. One profile for every test of that set-up,
 * so they share one application start. The per-address failed-login limit is low, so that a test reaches it quickly.
 */
public class BehindTrustedProxy implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,[0:0:0:0:0:0:0:1]",
                "readiness.security.login.max-failures-per-address", "10");
    }
}
