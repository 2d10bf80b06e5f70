package org.readiness.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes the OpenAPI document at build time, so the stored document (target/openapi) and /q/openapi agree:
 * <ul>
 * <li>the examples of src/main/resources/openapi/examples.json, keyed by "METHOD /path", then "request", a
 * status code (JSON bodies) or a status code and media type ("200 text/markdown"): real requests and answers of
 * the service, shortened;</li>
 * <li>every error response as application/problem+json with the Problem schema and an example (the file's, or
 * one made of the status and the response's description);</li>
 * <li>either security scheme (HTTP Basic or an OIDC bearer token) wherever one is required;</li>
 * <li>only the JSON API under /api: the web pages are left out, and so is every component schema that no
 * remaining path reaches through its $refs ({@link ReachableSchemas}).</li>
 * </ul>
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String EXAMPLES = "/openapi/examples.json";
    private static final String PROBLEM = "application/problem+json";

    private final Map<String, Map<String, Object>> examples = load();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        // The document describes the JSON API; the HTML pages under /web are for people, not clients.
        List.copyOf(openAPI.getPaths().getPathItems().keySet()).stream().filter(path -> !path.startsWith("/api/"))
                .forEach(openAPI.getPaths()::removePathItem);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(method + " " + path, path, operation)));
        // Last, once the error bodies name Problem: the schemas only the pages' types brought in (Qute templates
        // and, through them, template-engine and Drools internals) are reached from no remaining path.
        ReachableSchemas.prune(openAPI);
    }

    private void complete(String key, String path, Operation operation) {
        Map<String, Object> mine = examples.getOrDefault(key, Map.of());
        if (operation.getRequestBody() != null && mine.containsKey("request")) {
            operation.getRequestBody().getContent().getMediaTypes().values()
                    .forEach(media -> media.addExample("request", OASFactory.createExample()
                            .summary("A request as the API tour sends it").value(mine.get("request"))));
        }
        if (operation.getResponses() != null) {
            String instance = concrete(path, operation);
            Map.copyOf(operation.getResponses().getAPIResponses()).forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    // Quarkus shares one 401 and one 403 object among operations: each gets its own.
                    operation.getResponses().addAPIResponse(status, problem(status, instance, response, mine.get(status)));
                } else if (response.getContent() != null) {
                    // JSON bodies share the status' example; another media type (Markdown) has its own key.
                    response.getContent().getMediaTypes().forEach((type, media) -> {
                        Object example = type.contains("json") ? mine.get(status) : mine.get(status + " " + type);
                        if (example != null) {
                            media.addExample("response", OASFactory.createExample()
                                    .summary("An answer of the service, shortened").value(example));
                        }
                    });
                }
            });
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            operation.setSecurity(List.of(requirement("basicAuth"), requirement("bearerAuth")));
        }
    }

    private static APIResponse problem(String status, String instance, APIResponse response, Object example) {
        String description = switch (status) {
            case "401" -> "No credentials, or wrong ones; WWW-Authenticate names the scheme";
            case "403" -> "The caller's role does not allow this request";
            default -> response.getDescription();
        };
        Object value = example != null ? example : generated(status, instance, description);
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"))
                .addExample("problem", OASFactory.createExample().summary(description).value(value));
        Content content = OASFactory.createContent().addMediaType(PROBLEM, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    /** The path with each path parameter replaced by its example, as a problem's instance would show it. */
    private static String concrete(String path, Operation operation) {
        String result = path;
        if (operation.getParameters() != null) {
            for (Parameter p : operation.getParameters()) {
                if (p.getIn() == Parameter.In.PATH && p.getExample() != null) {
                    result = result.replace("{" + p.getName() + "}", String.valueOf(p.getExample()));
                }
            }
        }
        return result;
    }

    private static Map<String, Object> generated(String status, String path, String description) {
        Map<String, Object> problem = new LinkedHashMap<>();
        int code = Integer.parseInt(status);
        problem.put("type", "urn:readiness:problem:" + switch (code) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 422 -> "ruleset-invalid";
            default -> "invalid-request";
        });
        problem.put("title", switch (code) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 409 -> "Conflict";
            case 422 -> "The ruleset cannot be used";
            default -> "The request is not valid";
        });
        problem.put("status", code);
        problem.put("detail", description);
        problem.put("instance", path);
        return problem;
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }

    private static Map<String, Map<String, Object>> load() {
        try (InputStream in = ApiDocumentFilter.class.getResourceAsStream(EXAMPLES)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLES + " is missing from the class path");
            }
            return new ObjectMapper().readValue(in, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + EXAMPLES, e);
        }
    }
}
