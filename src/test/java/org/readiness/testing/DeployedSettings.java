package org.readiness.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The service as an operator deploys it, with the settings a deployment changes, in one profile so that the tests
 * of all of them share one application start:
 * <ul>
 * <li>behind a proxy it trusts (127.0.0.1 and ::1, as a load balancer or TLS-terminating proxy would be):
 * X-Forwarded-For names the client and X-Forwarded-Proto the scheme; the per-address failed-login limit is low, so
 * that a test reaches it quickly;</li>
 * <li>operations closed further: metrics for auditor and admin (a site whose scraper signs in as an auditor), and
 * no OpenAPI document.</li>
 * </ul>
 */
public class DeployedSettings implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,[0:0:0:0:0:0:0:1]",
                "readiness.security.login.max-failures-per-address", "10",
                "readiness.security.metrics-roles", "auditor,admin",
                "readiness.security.open-api-docs", "false");
    }
}
