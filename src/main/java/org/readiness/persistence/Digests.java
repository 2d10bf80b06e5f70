package org.readiness.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * sha-256 of canonical JSON (object keys sorted at every depth, no insignificant white space, times as
 * ISO-8601 text, nulls left out), and the hash of an audit row.
 */
public final class Digests {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Digests() {
    }

    /** The digest of a state, or null for no state (before a create). */
    public static String state(Object state) {
        return state == null ? null : sha256(canonical(state));
    }

    public static String canonical(Object state) {
        try {
            return JSON.writeValueAsString(sorted(JSON.valueToTree(state)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the audited state as JSON", e);
        }
    }

    /** The unkeyed hash of an audit row made before V7: the sha-256 of {@link #rowText}. */
    public static String row(long id, Instant at, String actor, String action, String target, String before,
                             String after, String prevHash) {
        return sha256(rowText(id, at, actor, action, target, before, after, prevHash));
    }

    /** What a row's hash covers: its fields in a fixed order, separated by a byte no field contains, then the previous hash. */
    public static String rowText(long id, Instant at, String actor, String action, String target, String before,
                                 String after, String prevHash) {
        return String.join(SEPARATOR, String.valueOf(id), at.toString(), actor, action, target,
                before == null ? "" : before, after == null ? "" : after, prevHash);
    }

    /** Between the fields of {@link #rowText}. */
    public static final String SEPARATOR = "\u001f";

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getValue().isNull()) {
                    fields.put(field.getKey(), sorted(field.getValue()));
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }
}
