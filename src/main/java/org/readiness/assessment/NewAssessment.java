package org.readiness.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.scoring.QuestionnaireRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a new draft assesses, as read from a request: null where a field could not be read (its problem is in
 * {@code problems}) or, for scope, was not sent. {@link AssessmentService#create} adds what only it can check (the
 * organisation and questionnaire exist, the period is not to come) and refuses every problem in one answer.
 */
public record NewAssessment(String organisation, QuestionnaireRef questionnaire, String scope, String period,
                            List<Violation> problems) {

    private static final Set<String> FIELDS = Set.of("organisation", "questionnaire", "version", "scope", "period");
    static final int MAX_CODE = 9;
    static final int MAX_SCOPE = org.readiness.scoring.facts.Scope.MAX_AREA;
    static final int MAX_PERIOD = 10;

    public NewAssessment {
        problems = List.copyOf(problems);
    }

    /** Reads {@code {"organisation","questionnaire","version"?,"scope"?,"period"}}; a body that is no object is refused at once. */
    public static NewAssessment read(JsonNode body) {
        RequestBody.requireObject(body, "organisation, questionnaire and period");
        List<Violation> problems = new ArrayList<>();
        RequestBody.unknownFields(body, FIELDS, problems);
        String organisation = RequestBody.text(body, "organisation", true, MAX_CODE, problems);
        QuestionnaireRef questionnaire = QuestionnaireRef.read(body, problems);
        String scope = RequestBody.text(body, "scope", false, MAX_SCOPE, problems);
        String period = AssessmentRequests.period(RequestBody.text(body, "period", true, MAX_PERIOD, problems), problems);
        return new NewAssessment(organisation, questionnaire, scope, period, problems);
    }

    /**
     * From the fields of a form, which sends everything as text: checked as the same fields of a JSON body are, with
     * the same pointers. A blank scope is no scope.
     */
    public static NewAssessment of(String organisation, String questionnaire, String scope, String period) {
        List<Violation> problems = new ArrayList<>();
        String code = RequestBody.text(organisation, "/organisation", true, MAX_CODE, problems);
        String checkedScope = scope == null || scope.isBlank() ? null
                : RequestBody.text(scope, "/scope", false, MAX_SCOPE, problems);
        String checkedPeriod = AssessmentRequests.period(RequestBody.text(period, "/period", true, MAX_PERIOD, problems),
                problems);
        return new NewAssessment(code, questionnaire == null ? null : new QuestionnaireRef(questionnaire, null),
                checkedScope, checkedPeriod, problems);
    }
}
