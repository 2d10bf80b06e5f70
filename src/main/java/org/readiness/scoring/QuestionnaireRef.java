package org.readiness.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.readiness.problem.Violation;

import java.util.List;

/** A questionnaire a request names: its id and, optionally, a version (the latest when null). */
public record QuestionnaireRef(String id, Integer version) {

    /**
     * Reads {@code /questionnaire} and optional {@code /version} of a request body, adding a problem with a pointer
     * for each that cannot be read; null when either could not. Whether it names a loaded questionnaire is
     * {@link ScoringService#questionnaire}'s check.
     */
    public static QuestionnaireRef read(JsonNode body, List<Violation> problems) {
        JsonNode id = body.get("questionnaire");
        JsonNode version = body.get("version");
        boolean versionOk = true;
        if (version != null && !version.isNull() && !(version.isIntegralNumber() && version.canConvertToInt() && version.intValue() >= 1)) {
            problems.add(new Violation("/version", "must be a whole number of 1 or more"));
            versionOk = false;
        }
        if (id == null || id.isNull()) {
            problems.add(new Violation("/questionnaire", "required: the id of a questionnaire"));
            return null;
        }
        if (!id.isTextual()) {
            problems.add(new Violation("/questionnaire", "must be the id of a questionnaire, as text"));
            return null;
        }
        return versionOk ? new QuestionnaireRef(id.asText(), version == null || version.isNull() ? null : version.intValue()) : null;
    }
}
