package org.readiness.seed;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A file under seeds/: organisations and their example assessments. Each assessment is created, answered and
 * (when {@code submitted} is given) submitted through the same services as the API, so a seed is checked
 * exactly as a client's request would be.
 */
record SeedFile(List<OrganisationSeed> organisations, List<AssessmentSeed> assessments) {

    /** {@code registered}: when the organisation is recorded as created. */
    record OrganisationSeed(String code, String name, String type, String region, Instant registered) {
    }

    /**
     * A fixed {@code id} keeps links to seeded assessments stable (the README's API tour uses them).
     * {@code started} and {@code submitted} are when the draft was begun and submitted; without
     * {@code submitted} the assessment stays a draft. {@code answers} has the shape of the PUT body's list.
     */
    record AssessmentSeed(UUID id, String organisation, String questionnaire, Integer version, String scope,
                          String period, String by, Instant started, Instant submitted, JsonNode answers) {
    }
}
