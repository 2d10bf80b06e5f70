package org.readiness.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifest that quarkus-kubernetes writes at package (target/kubernetes/kubernetes.yml) has what
 * running N replicas on one PostgreSQL needs: replicas, probes on the health endpoints, resource requests and
 * limits, the database and admin credentials and the session key from Secrets, and the rules and questionnaires
 * from ConfigMaps mounted where the image's READINESS_*_PATH point, every rules file back in its folder; and a
 * graceful shutdown that ends within the pod's termination grace period.
 */
class KubernetesManifestIT {

    private static final Path PROJECT = Path.of(System.getProperty("readiness.it.project-dir", "")).toAbsolutePath();

    private static JsonNode deployment;
    private static JsonNode container;
    private static JsonNode service;

    @BeforeAll
    static void read() throws IOException {
        Path manifest = PROJECT.resolve("target/kubernetes/kubernetes.yml");
        assertThat(manifest).exists();
        List<JsonNode> documents;
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(manifest.toFile())) {
            documents = it.readAll();
        }
        deployment = kind(documents, "Deployment");
        service = kind(documents, "Service");
        container = deployment.at("/spec/template/spec/containers/0");
    }

    @Test
    void replicasResourcesAndImage() {
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        for (String kind : List.of("requests", "limits")) {
            assertThat(container.at("/resources/" + kind + "/cpu").asText()).as(kind + " cpu").isNotBlank();
            assertThat(container.at("/resources/" + kind + "/memory").asText()).as(kind + " memory").isNotBlank();
        }
        assertThat(container.at("/image").asText()).contains("readiness/readiness:");
        assertThat(service.at("/spec/ports/0/targetPort").asInt()).isEqualTo(8080);
    }

    @Test
    void probesAskTheHealthEndpoints() {
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        // the start-up probe must allow the cold ruleset build and migrations: at least a minute
        int startup = container.at("/startupProbe/periodSeconds").asInt() * container.at("/startupProbe/failureThreshold").asInt();
        assertThat(startup).isGreaterThanOrEqualTo(60);
    }

    @Test
    void credentialsComeFromSecrets() {
        Map<String, JsonNode> env = new HashMap<>();
        container.get("env").forEach(e -> env.put(e.get("name").asText(), e));
        for (String name : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                "READINESS_ADMIN_USERNAME", "READINESS_ADMIN_PASSWORD", "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY",
                "READINESS_AUDIT_KEY")) {
            assertThat(env).as("env %s", name).containsKey(name);
            assertThat(env.get(name).at("/valueFrom/secretKeyRef/name").asText()).as("secret of %s", name).isNotBlank();
            assertThat(env.get(name).has("value")).as("%s has no literal value", name).isFalse();
        }
    }

    @Test
    void rulesAndQuestionnairesAreConfigMapsMountedWhereTheServiceLooks() throws IOException {
        Map<String, String> mounts = new HashMap<>();
        container.get("volumeMounts").forEach(m -> {
            mounts.put(m.get("name").asText(), m.get("mountPath").asText());
            assertThat(m.get("readOnly").asBoolean()).as("read-only mount %s", m.get("name")).isTrue();
        });
        String dockerfile = Files.readString(PROJECT.resolve("src/main/docker/Dockerfile.jvm"));
        assertThat(dockerfile).contains("READINESS_RULES_PATH=" + mounts.get("rules"))
                .contains("READINESS_QUESTIONNAIRES_PATH=" + mounts.get("questionnaires"));

        Map<String, JsonNode> volumes = new HashMap<>();
        deployment.at("/spec/template/spec/volumes").forEach(v -> volumes.put(v.get("name").asText(), v));
        assertThat(volumes.get("questionnaires").at("/configMap/name").asText()).isEqualTo("readiness-questionnaires");
        JsonNode rules = volumes.get("rules").get("configMap");
        assertThat(rules.get("name").asText()).isEqualTo("readiness-rules");

        Set<String> drl;
        Path folder = PROJECT.resolve("rules");
        try (Stream<Path> walk = Files.walk(folder)) {
            drl = walk.filter(p -> p.toString().endsWith(".drl") || p.endsWith(Path.of("scoring", "bands.yaml"))
                            || p.equals(folder.resolve("ruleset.yaml")))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(itemPaths(rules)).as("a ConfigMap item for each .drl under rules/, scoring/bands.yaml and ruleset.yaml, and no other")
                .isEqualTo(drl);
        Set<String> questionnaires;
        Path asked = PROJECT.resolve("questionnaires");
        try (Stream<Path> walk = Files.walk(asked)) {
            questionnaires = walk.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> asked.relativize(p).toString().replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(itemPaths(volumes.get("questionnaires").get("configMap")))
                .as("a ConfigMap item for each questionnaire and crosswalk file, and no other").isEqualTo(questionnaires);
    }

    /** The paths a ConfigMap volume's items put its keys at; a key is its path with '/' as '.'. */
    private static Set<String> itemPaths(JsonNode configMap) {
        return StreamSupport.stream(configMap.get("items").spliterator(), false).map(i -> {
            assertThat(i.get("key").asText()).isEqualTo(i.get("path").asText().replace('/', '.'));
            return i.get("path").asText();
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void replicasMigrateThemselvesAndNeedNoOperatorCrds() throws IOException {
        List<String> kinds;
        try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class)
                .readValues(PROJECT.resolve("target/kubernetes/kubernetes.yml").toFile())) {
            kinds = it.readAll().stream().map(d -> d.path("kind").asText()).toList();
        }
        assertThat(kinds).contains("Deployment", "Service").doesNotContain("Job", "ServiceMonitor");
        assertThat(deployment.at("/spec/template/spec/initContainers").isMissingNode()).isTrue();
        container.get("env").forEach(e -> assertThat(e.get("name").asText()).isNotEqualTo("QUARKUS_FLYWAY_ACTIVE"));
    }

    @Test
    void theBuildNeitherDeploysNorBuildsAnImage() throws IOException {
        Properties config = applicationProperties();
        assertThat(config.getProperty("quarkus.kubernetes.deploy")).isEqualTo("false");
        assertThat(config.getProperty("quarkus.container-image.build")).isEqualTo("false");
    }

    /**
     * SIGTERM's pre-shutdown delay plus the wait for requests still running end before the pod's grace period
     * (then SIGKILL), with a few seconds left for closing the pool and the database.
     */
    @Test
    void aGracefulShutdownFitsThePodsGracePeriod() throws IOException {
        Properties config = applicationProperties();
        assertThat(config.getProperty("quarkus.shutdown.delay-enabled")).as("the pre-shutdown delay is built in").isEqualTo("true");
        Duration delay = quarkusDuration(config.getProperty("quarkus.shutdown.delay"));
        Duration timeout = quarkusDuration(config.getProperty("quarkus.shutdown.timeout"));
        assertThat(delay).as("quarkus.shutdown.delay").isPositive();
        assertThat(timeout).as("quarkus.shutdown.timeout").isPositive();
        // Kubernetes' default when the manifest sets none
        int grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt(30);
        assertThat(delay.plus(timeout).plusSeconds(5)).as("delay + timeout + 5 s within %d s", grace)
                .isLessThanOrEqualTo(Duration.ofSeconds(grace));
    }

    private static Properties applicationProperties() throws IOException {
        Properties config = new Properties();
        try (var in = Files.newInputStream(PROJECT.resolve("src/main/resources/application.properties"))) {
            config.load(in);
        }
        return config;
    }

    /** Quarkus' duration syntax as used here: 25S, 500MS or ISO-8601 (PT25S). */
    private static Duration quarkusDuration(String value) {
        assertThat(value).as("a duration").isNotBlank();
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.endsWith("MS")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        return Duration.parse(v.startsWith("P") ? v : "PT" + v);
    }

    private static JsonNode kind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the manifest"));
    }
}
