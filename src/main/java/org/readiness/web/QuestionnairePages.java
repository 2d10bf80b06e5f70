package org.readiness.web;

import org.readiness.assessment.AssessmentAccess;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.readiness.assessment.AssessmentRequests;
import org.readiness.assessment.AssessmentService;
import org.readiness.assessment.Submissions;
import org.readiness.assessment.AssessmentViews.AnswerView;
import org.readiness.assessment.AssessmentViews.AssessmentView;
import org.readiness.identity.CurrentUser;
import org.readiness.identity.Role;
import org.readiness.organisation.OrganisationService;
import org.readiness.problem.ProblemException;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireCatalog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The questionnaire, one theme per page, then check your answers and submit. Answers are saved with the same
 * service call as PUT /answers, and submitted with the same call as POST /submit; the page only turns the form
 * into that request and the service's problems back into an error summary (see {@link AnswerForm}).
 */
@Path("/web/assessments/{id}")
@Produces(MediaType.TEXT_HTML)
public class QuestionnairePages {

    /** The draft's heading on every page of the questionnaire. */
    public record Draft(UUID id, String organisation, String organisationName, String scope, String period,
                        long version, String questionnaire) {
    }

    public record ThemePage(Draft draft, int number, int count, Questionnaire.Theme theme,
                            List<AnswerForm.EnablerForm> enablers) {
        public boolean last() {
            return number == count;
        }
    }

    /** One answered (or not) question on the check-your-answers page. */
    public record CheckRow(Questionnaire.Item item, String answer, String evidence, boolean missing, String change) {
    }

    public record CheckTheme(Questionnaire.Theme theme, int number, List<CheckRow> rows) {
    }

    public record CheckPage(Draft draft, List<CheckTheme> themes, int answered, int items, int missing) {
    }

    /** A save or submit over a version someone else has changed since this page was built (409). */
    static final String CHANGED = "Someone else changed this assessment after you opened this page, so nothing was "
            + "saved. Check the answers shown and save or submit again.";

    @Inject
    AssessmentAccess assessmentAccess;

    @Inject
    AssessmentService assessments;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    OrganisationService organisations;

    @Inject
    CurrentUser user;

    @Inject
    Submissions submissions;

    static String themeHref(UUID id, int number) {
        return "/web/assessments/" + id + "/themes/" + number;
    }

    @GET
    @Path("/themes/{number}")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    public Object theme(@PathParam("id") String id, @PathParam("number") int number) {
        UUID uuid = assessmentAccess.readable(id);
        AssessmentView view = assessments.get(uuid);
        if (view.result() != null) {
            return Response.seeOther(URI.create(ResultPages.href(uuid))).build();
        }
        Questionnaire q = questionnaire(view);
        Questionnaire.Theme theme = theme(q, number);
        Map<String, AnswerView> answers = view.answers().stream().collect(Collectors.toMap(AnswerView::question, a -> a));
        return Pages.theme(new ThemePage(draft(view, q), number, q.themes().size(), theme,
                AnswerForm.stored(theme, answers)), FormErrors.NONE);
    }

    @POST
    @Path("/themes/{number}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    public Object save(@PathParam("id") String id, @PathParam("number") int number, MultivaluedMap<String, String> form) {
        UUID uuid = assessmentAccess.writable(id);
        AssessmentView view = assessments.get(uuid);
        Questionnaire q = questionnaire(view);
        Questionnaire.Theme theme = theme(q, number);
        AnswerForm posted = AnswerForm.read(theme, form);
        try {
            assessments.saveAnswers(uuid, version(form), posted.answers(), user.stamp());
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            AssessmentView now = assessments.get(uuid);
            FormErrors errors = e.status() == 409 ? FormErrors.of(new FieldError(posted.firstField(), CHANGED))
                    : FormErrors.of(e, posted::fieldOf, posted.firstField());
            return Response.status(e.status()).entity(Pages.theme(new ThemePage(draft(now, q), number,
                    q.themes().size(), theme, posted.enablers()), errors)).build();
        }
        String next = "draft".equals(form.getFirst("action"))
                ? "/web/organisations/" + view.organisation() + "?saved=true"
                : number < q.themes().size() ? themeHref(uuid, number + 1) : "/web/assessments/" + uuid + "/check";
        return Response.seeOther(URI.create(next)).build();
    }

    @GET
    @Path("/check")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    public Object check(@PathParam("id") String id) {
        UUID uuid = assessmentAccess.readable(id);
        AssessmentView view = assessments.get(uuid);
        if (view.result() != null) {
            return Response.seeOther(URI.create(ResultPages.href(uuid))).build();
        }
        return Pages.check(checkPage(view), FormErrors.NONE);
    }

    @POST
    @Path("/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    public Object submit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID uuid = AssessmentRequests.id(id);
        try {
            // As the API does, through the same call: the organisation check in the submission's own transaction, and
            // a draft submitted meanwhile (by someone else, or by a second click) answered with its result.
            submissions.submit(uuid, version(form), user.stamp(), assessmentAccess::requireWritable);
        } catch (ProblemException e) {
            if (e.status() != 422 && e.status() != 409) {
                throw e;
            }
            AssessmentView view = assessments.get(uuid);
            CheckPage page = checkPage(view);
            Map<String, String> changeOf = page.themes().stream().flatMap(t -> t.rows().stream())
                    .collect(Collectors.toMap(r -> r.item().id(), CheckRow::change));
            FormErrors errors = e.status() == 409 ? FormErrors.of(new FieldError("submit", CHANGED))
                    : FormErrors.of(e, v -> new FieldError(changeOf.getOrDefault(v.pointer(), "submit"),
                    v.pointer() + ": " + v.detail()), "submit");
            return Response.status(e.status()).entity(Pages.check(page, errors)).build();
        }
        return Response.seeOther(URI.create(ResultPages.href(uuid))).build();
    }

    private CheckPage checkPage(AssessmentView view) {
        Questionnaire q = questionnaire(view);
        Map<String, AnswerView> answers = view.answers().stream().collect(Collectors.toMap(AnswerView::question, a -> a));
        Set<String> missing = Set.copyOf(q.completeness().missing(answers.keySet()));
        List<CheckTheme> themes = new java.util.ArrayList<>();
        for (int t = 0; t < q.themes().size(); t++) {
            Questionnaire.Theme theme = q.themes().get(t);
            int number = t + 1;
            List<CheckRow> rows = theme.enablers().stream().flatMap(e -> e.items().stream()).map(item -> {
                AnswerView a = answers.get(item.id());
                return new CheckRow(item, a == null ? "Not answered" : AnswerForm.words(item, a.value()),
                        a == null ? null : a.evidence(), missing.contains(item.id()),
                        themeHref(view.id(), number) + "#" + AnswerForm.firstInput(item));
            }).toList();
            themes.add(new CheckTheme(theme, number, rows));
        }
        int items = (int) q.placements().count();
        return new CheckPage(draft(view, q), themes, answers.size(), items, missing.size());
    }

    private Draft draft(AssessmentView v, Questionnaire q) {
        return new Draft(v.id(), v.organisation(), organisations.get(v.organisation()).name, v.scope(), v.period(),
                v.version(), q.title());
    }

    private Questionnaire questionnaire(AssessmentView view) {
        return catalog.find(view.questionnaire().id(), view.questionnaire().version()).orElseThrow(() ->
                new IllegalStateException("Questionnaire " + view.questionnaire() + " is no longer loaded"));
    }

    private static Questionnaire.Theme theme(Questionnaire q, int number) {
        if (number < 1 || number > q.themes().size()) {
            throw ProblemException.notFound("The questionnaire has no theme " + number);
        }
        return q.themes().get(number - 1);
    }

    /** The version the page was built from: a save over someone else's later save is refused (409), as with If-Match. */
    private static Optional<Set<Long>> version(MultivaluedMap<String, String> form) {
        String v = form.getFirst("version");
        return v == null || !v.matches("[0-9]{1,18}") ? Optional.empty() : Optional.of(Set.of(Long.parseLong(v)));
    }
}
