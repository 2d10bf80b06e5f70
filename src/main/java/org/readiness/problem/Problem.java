package org.readiness.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem details body. {@code errors} lists every problem found, not only the first,
 * so that a client can fix a request in one round trip.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem types are URNs: stable identifiers that do not pretend to be fetchable pages. */
    public static String type(String slug) {
        return "urn:readiness:problem:" + slug;
    }
}
