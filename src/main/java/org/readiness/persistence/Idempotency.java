package org.readiness.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.readiness.persistence.Digests;
import org.readiness.config.ReadinessConfig;
import org.readiness.identity.CurrentUser;
import org.readiness.identity.Stamp;
import org.readiness.problem.ProblemException;
import org.readiness.problem.Violation;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Creations sent with an {@code Idempotency-Key} header happen at most once per caller and key. The first
 * successful answer is stored in the transaction that makes the row, and a retry with the same key and the same
 * body gets that answer again (with {@code Idempotent-Replayed: true}) instead of a second row; the same key with
 * another body is refused (422). Without the header a creation runs as usual.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String DESCRIPTION = "Optional, any 1-255 printable ASCII characters (a UUID, say): a retry "
            + "with the same key and body gets the first answer again (Idempotent-Replayed: true) and makes no second "
            + "row; the same key with another body is refused (422). Kept 24 hours.";
    public static final String EXAMPLE = "5f0c9a1e-6f1e-4c2b-9a53-0d1c1f2b8e77";
    /** Printable ASCII without spaces, as the IETF draft and the major APIs use: UUIDs, ULIDs, hashes. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser user;

    @Inject
    ReadinessConfig config;

    /**
     * Runs {@code creation} once for this caller, key and body. {@code operation} names the endpoint
     * ("POST /api/v1/organisations") so that one key cannot be reused across endpoints.
     */
    public Response once(String key, String operation, JsonNode body, Supplier<Response> creation) {
        if (key == null) {
            return creation.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.invalid("The Idempotency-Key header is not valid", List.of(new Violation(
                    "header:" + HEADER, "must be 1 to 255 printable ASCII characters without spaces, such as a UUID")));
        }
        Stamp stamp = user.stamp();
        String keyDigest = Digests.sha256(stamp.by() + "\u001f" + key);
        String requestDigest = Digests.sha256(operation + "\u001f" + Digests.canonical(body == null ? NullNode.instance : body));
        try {
            return QuarkusTransaction.requiringNew().call(() -> earlier(keyDigest, requestDigest, stamp).orElseGet(() -> {
                Response created = creation.get();
                record(keyDigest, key, operation, requestDigest, stamp, created);
                return created;
            }));
        } catch (RuntimeException e) {
            // A concurrent request with the same key committed first (the creation or the record collided with its
            // rows, and this transaction was rolled back whole): its answer is this one's too.
            Optional<Response> first = QuarkusTransaction.requiringNew().call(() -> earlier(keyDigest, requestDigest, stamp));
            if (first.isPresent()) {
                return first.get();
            }
            if (!(e instanceof ProblemException) && Conflicts.isRace(e)) {
                throw Conflicts.conflict("Another request with this Idempotency-Key is being answered; retry it");
            }
            throw e;
        }
    }

    private Optional<Response> earlier(String keyDigest, String requestDigest, Stamp now) {
        IdempotencyRecord found = IdempotencyRecord.findById(keyDigest);
        if (found == null) {
            return Optional.empty();
        }
        if (found.createdAt.plus(config.idempotency().retention()).isBefore(now.at())) {
            return Optional.empty(); // expired: record() deletes it with the others before storing the new answer
        }
        if (!found.requestDigest.equals(requestDigest)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was first used at " + found.createdAt + " for another request ("
                            + found.operation + " with another body); use a new key for a new request",
                    List.of(new Violation("header:" + HEADER, "already used for a different request")));
        }
        Response.ResponseBuilder replay = Response.status(found.status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(found.responseJson).header(REPLAYED, "true");
        if (found.location != null) {
            replay.header(HttpHeaders.LOCATION, found.location);
        }
        if (found.etag != null) {
            replay.header(HttpHeaders.ETAG, found.etag);
        }
        return Optional.of(replay.build());
    }

    private void record(String keyDigest, String key, String operation, String requestDigest, Stamp stamp, Response created) {
        if (created.getStatus() >= 300) {
            return;
        }
        IdempotencyRecord.delete("createdAt < ?1", stamp.at().minus(config.idempotency().retention()));
        IdempotencyRecord row = new IdempotencyRecord();
        row.keyDigest = keyDigest;
        row.principal = stamp.by();
        row.key = key;
        row.operation = operation;
        row.requestDigest = requestDigest;
        row.status = created.getStatus();
        row.location = created.getLocation() == null ? null : created.getLocation().toString();
        row.etag = created.getHeaderString(HttpHeaders.ETAG);
        row.responseJson = write(created.getEntity());
        row.createdAt = stamp.at();
        row.persist();
        IdempotencyRecord.getEntityManager().flush();
    }

    private String write(Object entity) {
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store the answer of an idempotent request", e);
        }
    }
}
