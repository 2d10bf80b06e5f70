package org.readiness.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.readiness.assessment.AssessmentList;
import org.readiness.assessment.AssessmentRequests.ListQuery;
import org.readiness.assessment.AssessmentService;
import org.readiness.assessment.AssessmentStatus;
import org.readiness.assessment.NewAssessment;
import org.readiness.assessment.AssessmentViews.AssessmentSummary;
import org.readiness.assessment.AssessmentViews.AssessmentView;
import org.readiness.audit.ActivityLog;
import org.readiness.comparison.Exports;
import org.readiness.comparison.ProgressResource;
import org.readiness.comparison.ProgressService;
import org.readiness.comparison.ProgressView;
import org.readiness.comparison.ProgressExport;
import org.readiness.identity.Access;
import org.readiness.identity.CurrentUser;
import org.readiness.identity.Role;
import org.readiness.organisation.Organisation;
import org.readiness.organisation.OrganisationService;
import org.readiness.problem.ProblemException;
import org.readiness.questionnaire.QuestionnaireCatalog;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** An organisation's home (its assessments, latest rating, starting a new one) and its progress over time. */
@Path("/web/organisations/{code}")
@Produces(MediaType.TEXT_HTML)
public class OrganisationPages {

    /** What the home page shows; {@code latest} is the newest submitted assessment, if any. */
    public record Home(Organisation organisation, List<AssessmentSummary> assessments, AssessmentSummary latest,
                       List<String> questionnaires, boolean saved) {
    }

    /** Progress with the enablers' titles, by id, from every loaded questionnaire version. */
    public record ProgressPage(ProgressView view, Map<String, String> titles) {
    }

    /** What was typed into the start form, shown again with its problems. */
    public record StartForm(String questionnaire, String scope, String period) {
        static final StartForm EMPTY = new StartForm("", "", "");
    }

    @Inject
    Access access;

    @Inject
    ActivityLog activity;

    @Inject
    OrganisationService organisations;

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentList assessmentList;

    @Inject
    ProgressService progress;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public TemplateInstance home(@PathParam("code") String code, @QueryParam("saved") String saved) {
        access.requireOrganisation(code);
        return Pages.organisation(home(code, saved != null), StartForm.EMPTY, FormErrors.NONE);
    }

    @POST
    @Path("/assessments")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    public Object start(@PathParam("code") String code, MultivaluedMap<String, String> posted) {
        access.requireOrganisation(code);
        // The form as a body (not @FormParam) so that BodyGuard reads it: control characters and bytes that are not UTF-8 are refused.
        StartForm form = new StartForm(nz(posted.getFirst("questionnaire")), nz(posted.getFirst("scope")),
                nz(posted.getFirst("period")));
        try {
            AssessmentView created = assessments.create(NewAssessment.of(code, form.questionnaire(), form.scope(),
                    form.period()), UUID.randomUUID(), user.stamp());
            return Response.seeOther(URI.create(QuestionnairePages.themeHref(created.id(), 1))).build();
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            FormErrors errors = FormErrors.of(e, v -> new FieldError(startField(v.pointer()), startText(v.pointer(),
                    v.detail())), "period");
            return Response.status(400).entity(Pages.organisation(home(code, false), form, errors)).build();
        }
    }

    @GET
    @Path("/progress")
    @RolesAllowed({Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public TemplateInstance progress(@PathParam("code") String code) {
        access.requireOrganisation(code);
        Map<String, String> titles = new HashMap<>();
        catalog.all().forEach(q -> q.enablers().forEach(e -> titles.put(e.id(), e.title())));
        return Pages.progress(new ProgressPage(progress.progress(code, new MultivaluedHashMap<>()), titles));
    }

    @GET
    @Path("/progress/download")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @RolesAllowed({Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public Response download(@PathParam("code") String code, @QueryParam("format") String format) {
        access.requireOrganisation(code);
        ProgressView view = progress.progress(code, new MultivaluedHashMap<>());
        return Exports.download("xlsx".equals(format), () -> ProgressExport.main(view), () -> ProgressExport.sheets(view),
                "readiness-progress-" + view.organisation(), ProgressResource.audit(activity, view, Map.of()));
    }

    private Home home(String code, boolean saved) {
        Organisation organisation = organisations.get(code);
        List<AssessmentSummary> list = assessmentList.list(new ListQuery(code, null, 0, 100), access.caller()).items();
        Optional<AssessmentSummary> latest = list.stream().filter(a -> a.status() == AssessmentStatus.SUBMITTED)
                .max((a, b) -> a.period().equals(b.period()) ? a.submittedAt().compareTo(b.submittedAt())
                        : a.period().compareTo(b.period()));
        List<String> questionnaires = catalog.all().stream().map(q -> q.id()).distinct().toList();
        return new Home(organisation, list, latest.orElse(null), questionnaires, saved);
    }

    private static String startField(String pointer) {
        return switch (pointer) {
            case "/scope" -> "scope";
            case "/questionnaire", "/version" -> "questionnaire";
            default -> "period";
        };
    }

    private static String startText(String pointer, String detail) {
        return switch (pointer) {
            case "/scope" -> "Service area " + detail;
            case "/questionnaire", "/version" -> "Questionnaire: " + detail;
            case "/period" -> "Period " + detail;
            default -> detail;
        };
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
