package org.readiness.http;

import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.callbacks.Callback;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Encoding;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Drops every component schema that no path (or webhook) of the document reaches. The annotation scan registers a
 * schema for every type any endpoint names, the web pages' too (Qute templates, and through them the template engine
 * and Drools internals); once those paths are gone, their schemas are clutter a client might take for API. Reaching
 * is transitive through every $ref: schemas and their subschemas, parameters, request bodies, responses, headers,
 * encodings, callbacks, and any parameter, body, response, header or path item component a $ref names on the way.
 */
final class ReachableSchemas {

    private static final String COMPONENTS = "#/components/";

    private final Components components;
    private final Set<String> reached = new HashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();

    private ReachableSchemas(Components components) {
        this.components = components;
    }

    /** Removes the unreached component schemas; other component kinds are left as they are. */
    static void prune(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null || components.getSchemas() == null) {
            return;
        }
        ReachableSchemas walk = new ReachableSchemas(components);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().values().forEach(walk::pathItem);
        }
        if (openAPI.getWebhooks() != null) {
            openAPI.getWebhooks().values().forEach(walk::pathItem);
        }
        walk.drain();
        List.copyOf(components.getSchemas().keySet()).stream()
                .filter(name -> !walk.reached.contains("schemas/" + name))
                .forEach(components::removeSchema);
    }

    /** Follows each named component once: a reference cycle between schemas ends here. */
    private void drain() {
        while (!pending.isEmpty()) {
            String[] kindAndName = pending.pop().split("/", 2);
            String name = kindAndName[1];
            switch (kindAndName[0]) {
                case "schemas" -> schema(entry(components.getSchemas(), name));
                case "parameters" -> parameter(entry(components.getParameters(), name));
                case "requestBodies" -> requestBody(entry(components.getRequestBodies(), name));
                case "responses" -> response(entry(components.getResponses(), name));
                case "headers" -> header(entry(components.getHeaders(), name));
                case "pathItems" -> pathItem(entry(components.getPathItems(), name));
                default -> {
                    // examples, links, security schemes: they hold no schema
                }
            }
        }
    }

    private void ref(String ref) {
        if (ref != null && ref.startsWith(COMPONENTS)) {
            String target = ref.substring(COMPONENTS.length());
            if (target.contains("/") && reached.add(target)) {
                pending.push(target);
            }
        }
    }

    private void pathItem(PathItem item) {
        if (item == null) {
            return;
        }
        ref(item.getRef());
        each(item.getParameters(), this::parameter);
        if (item.getOperations() != null) {
            item.getOperations().values().forEach(this::operation);
        }
    }

    private void operation(Operation operation) {
        each(operation.getParameters(), this::parameter);
        requestBody(operation.getRequestBody());
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(this::response);
        }
        if (operation.getCallbacks() != null) {
            operation.getCallbacks().values().forEach(this::callback);
        }
    }

    private void callback(Callback callback) {
        ref(callback.getRef());
        if (callback.getPathItems() != null) {
            callback.getPathItems().values().forEach(this::pathItem);
        }
    }

    private void parameter(Parameter parameter) {
        if (parameter != null) {
            ref(parameter.getRef());
            schema(parameter.getSchema());
            content(parameter.getContent());
        }
    }

    private void requestBody(RequestBody body) {
        if (body != null) {
            ref(body.getRef());
            content(body.getContent());
        }
    }

    private void response(APIResponse response) {
        if (response != null) {
            ref(response.getRef());
            headers(response.getHeaders());
            content(response.getContent());
        }
    }

    private void headers(Map<String, Header> headers) {
        if (headers != null) {
            headers.values().forEach(this::header);
        }
    }

    private void header(Header header) {
        if (header != null) {
            ref(header.getRef());
            schema(header.getSchema());
            content(header.getContent());
        }
    }

    private void content(Content content) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(this::mediaType);
        }
    }

    private void mediaType(MediaType media) {
        schema(media.getSchema());
        if (media.getEncoding() != null) {
            media.getEncoding().values().forEach(this::encoding);
        }
    }

    private void encoding(Encoding encoding) {
        headers(encoding.getHeaders());
    }

    /**
     * A schema and every subschema it holds: getAll() gives each keyword once (properties, items, allOf, anyOf,
     * oneOf, not, additionalProperties, $defs, if/then/else and the rest), so no keyword is missed by name.
     */
    private void schema(Schema schema) {
        if (schema != null) {
            ref(schema.getRef());
            if (schema.getAll() != null) {
                schema.getAll().values().forEach(this::within);
            }
        }
    }

    /** A keyword's value: a schema, or a list or map of them (examples and defaults are plain data, passed over). */
    private void within(Object value) {
        if (value instanceof Schema schema) {
            schema(schema);
        } else if (value instanceof Collection<?> values) {
            values.forEach(this::within);
        } else if (value instanceof Map<?, ?> values) {
            values.values().forEach(this::within);
        }
    }

    private static <T> void each(List<T> items, Consumer<T> action) {
        if (items != null) {
            items.forEach(action);
        }
    }

    private static <T> T entry(Map<String, T> map, String name) {
        return map == null ? null : map.get(name);
    }
}
