package org.readiness.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document stored at build (target/openapi/openapi.json) describes every operation: summary,
 * description, operationId and tag; every parameter with a description and an example; every request body with
 * a schema and an example; every response with a description and, where it has a body, an example for each media
 * type; every error as application/problem+json; and both security schemes wherever credentials are needed.
 * Its component schemas are exactly those the paths reach.
 * The outside lint (@redocly/cli in .ci/run) checks the examples against their schemas.
 */
class OpenApiDocumentIT {

    private static final Path PROJECT = Path.of(System.getProperty("readiness.it.project-dir", "")).toAbsolutePath();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper().readTree(PROJECT.resolve("target/openapi/openapi.json").toFile());
    }

    @Test
    void everyOperationIsDescribedWithExamples() {
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                check(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue(), problems);
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThanOrEqualTo(30);
        assertThat(problems).as("what the document lacks").isEmpty();
    }

    @Test
    void everyExampleKeyNamesAnOperation() throws IOException {
        JsonNode examples = new ObjectMapper().readTree(PROJECT.resolve("src/main/resources/openapi/examples.json").toFile());
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                operations.add(m.toUpperCase() + " " + p.getKey());
            }
        }));
        Set<String> keys = new TreeSet<>();
        examples.fieldNames().forEachRemaining(keys::add);
        assertThat(operations).containsAll(keys);
    }

    @Test
    void bothSecuritySchemesAndTheProblemSchemaAreDefined() {
        JsonNode components = document.get("components");
        assertThat(components.at("/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(components.at("/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(components.at("/schemas/Problem/properties/errors").isMissingNode()).isFalse();
        document.get("tags").forEach(t -> assertThat(t.path("description").asText()).as("tag %s", t.get("name")).isNotBlank());
    }

    /**
     * The scan registers a schema for every type an endpoint names, the web pages' included; the document keeps
     * only those the API's paths reach through their $refs, so no template-engine or Drools type shows as API.
     */
    @Test
    void everySchemaIsReachedFromAPathAndNoInternalsShow() {
        JsonNode components = document.get("components");
        Set<String> reached = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>();
        refs(document.get("paths"), pending);
        while (!pending.isEmpty()) {
            String ref = pending.pop();
            if (reached.add(ref)) {
                JsonNode target = document.at(ref.substring(1));
                assertThat(target.isMissingNode()).as("%s names a component that is not there", ref).isFalse();
                refs(target, pending);
            }
        }
        Set<String> schemas = new TreeSet<>();
        components.path("schemas").fieldNames().forEachRemaining(schemas::add);
        Set<String> unreached = new TreeSet<>(schemas);
        unreached.removeIf(name -> reached.contains("#/components/schemas/" + name));
        assertThat(unreached).as("schemas no path reaches").isEmpty();
        assertThat(schemas).as("schemas of the API").contains("Problem", "Violation", "ScoreResult")
                .doesNotContain("TemplateInstance", "MultivaluedMapStringString", "TemplateNode", "Template",
                        "SectionHelper", "SectionNode", "EngineImpl", "ValueResolver", "TraceManagerImpl",
                        "TraceListener", "Evaluator");
    }

    /** Every local $ref under a node, at any depth: a schema's properties, items, allOf and the rest alike. */
    private static void refs(JsonNode node, Deque<String> into) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref") && field.getValue().asText().startsWith("#/")) {
                    into.push(field.getValue().asText());
                } else {
                    refs(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> refs(element, into));
        }
    }

    private static void check(String name, JsonNode op, List<String> problems) {
        for (String field : List.of("summary", "description", "operationId")) {
            if (op.path(field).asText().isBlank()) {
                problems.add(name + ": no " + field);
            }
        }
        if (op.path("tags").isEmpty()) {
            problems.add(name + ": no tag");
        }
        op.path("parameters").forEach(p -> {
            if (p.path("description").asText().isBlank()) {
                problems.add(name + ": parameter " + p.get("name") + " has no description");
            }
            if (!p.has("example") && !p.has("examples")) {
                problems.add(name + ": parameter " + p.get("name") + " has no example");
            }
        });
        JsonNode body = op.path("requestBody");
        if (!body.isMissingNode()) {
            if (body.path("description").asText().isBlank()) {
                problems.add(name + ": request body has no description");
            }
            body.path("content").properties().forEach(media -> {
                if (!media.getValue().has("schema")) {
                    problems.add(name + ": request " + media.getKey() + " has no schema");
                }
                if (media.getValue().path("examples").isEmpty()) {
                    problems.add(name + ": request " + media.getKey() + " has no example");
                }
            });
        }
        boolean success = false;
        for (Map.Entry<String, JsonNode> response : op.path("responses").properties()) {
            String status = response.getKey();
            success |= status.startsWith("2");
            if (response.getValue().path("description").asText().isBlank()) {
                problems.add(name + " " + status + ": no description");
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                JsonNode problem = response.getValue().at("/content/application~1problem+json");
                if (problem.isMissingNode() || !problem.at("/schema/$ref").asText().endsWith("/Problem")
                        || problem.path("examples").isEmpty()) {
                    problems.add(name + " " + status + ": not application/problem+json with the Problem schema and an example");
                }
            }
            response.getValue().path("content").properties().forEach(media -> {
                if (media.getValue().path("examples").isEmpty() && !media.getValue().has("example")
                        && !binary(media.getKey())) {
                    problems.add(name + " " + status + " " + media.getKey() + ": no example");
                }
            });
        }
        if (!success) {
            problems.add(name + ": no 2xx response");
        }
        if (op.has("security")) {
            List<String> schemes = new ArrayList<>();
            op.get("security").forEach(r -> r.fieldNames().forEachRemaining(schemes::add));
            if (!schemes.containsAll(List.of("basicAuth", "bearerAuth"))) {
                problems.add(name + ": security offers " + schemes + ", not both basicAuth and bearerAuth");
            }
        } else if (name.contains(" /api/")) {
            problems.add(name + ": no security requirement");
        }
    }

    /** CSV and XLSX exports of the same views: their example would be a file, described by the JSON one. */
    private static boolean binary(String mediaType) {
        return mediaType.equals("text/csv") || mediaType.startsWith("application/vnd.openxmlformats");
    }
}
