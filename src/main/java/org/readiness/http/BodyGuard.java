package org.readiness.http;

import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.readiness.config.ReadinessConfig;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks on every body the API and the pages read, whatever the endpoint:
 * <ul>
 * <li>it must say what it is: a body without Content-Type is refused (415), never guessed at;</li>
 * <li>it is stopped when it grows past {@code readiness.max-body-size} (413). A body that declares its length is
 * refused before this, in HttpHardening; this catches those sent in chunks, whose size shows only as they are read;</li>
 * <li>no text in it may hold a control character other than tab, line feed and carriage return, nor half of a
 * surrogate pair (400, with a pointer to each such value). PostgreSQL cannot store U+0000 at all, and would store
 * a lone surrogate as "?": text must come back exactly as it was sent, so text that cannot is refused. The same
 * holds for the pages' form posts, whose values must also be valid UTF-8 (FormBody): each problem names its field,
 * and the page shows them as the GOV.UK error page's summary.</li>
 * </ul>
 */
@Provider
public class BodyGuard implements ReaderInterceptor {

    // Looked up when a body is read: providers are made at static init, before the runtime configuration exists.
    @Inject
    Instance<ReadinessConfig> config;

    @Inject
    Instance<CurrentVertxRequest> request;

    static final String UNSTORABLE = "must not contain control characters (other than tab and line breaks) "
            + "or unpaired surrogates";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!saysWhatItIs(request.get().getCurrent())) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The body needs a Content-Type header that names its type: application/json for the API", List.of());
        }
        InputStream bounded = new Bounded(context.getInputStream(), config.get().maxBodySize().asLongValue());
        if (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType())) {
            // Read here, from its bytes, before the framework's parser replaces what is not UTF-8.
            byte[] form = bounded.readAllBytes();
            List<Violation> problems = FormBody.unstorable(form, charset(context.getMediaType()));
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems.size() + " field(s) cannot be stored as sent", problems);
            }
            bounded = new ByteArrayInputStream(form);
        }
        context.setInputStream(bounded);
        Object body = context.proceed();
        if (body instanceof JsonNode json) {
            List<Violation> problems = new ArrayList<>();
            unstorableText(json, "", problems);
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems.size() + " text value(s) cannot be stored as sent", problems);
            }
        }
        return body;
    }

    /**
     * Whether the request as sent (not as the framework completed it) names the type of its body: no header, or
     * a wildcard such as the one some clients send, says nothing.
     */
    private static boolean saysWhatItIs(RoutingContext sent) {
        String declared = sent == null ? MediaType.APPLICATION_JSON : sent.request().getHeader(HttpHeaders.CONTENT_TYPE);
        try {
            return declared != null && !declared.isBlank() && !MediaType.valueOf(declared).isWildcardType();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The charset a form declares (UTF-8, the framework's default, when it declares none). */
    private static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The charset " + RequestBody.abbreviate(name) + " is not known; send UTF-8", List.of());
        }
    }

    static void unstorableText(JsonNode node, String pointer, List<Violation> problems) {
        if (node.isTextual() && !storable(node.textValue())) {
            problems.add(new Violation(pointer, UNSTORABLE));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unstorableText(node.get(i), pointer + "/" + i, problems);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                unstorableText(field.getValue(), pointer + "/" + RequestBody.pointerSegment(field.getKey()), problems);
            }
        }
    }

    static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The body may be at most " + limit + " bytes", List.of());
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
