package org.readiness.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.readiness.assessment.Explanation;
import org.readiness.ruleset.RuleCatalog.RuleView;
import org.readiness.organisation.Organisation;

import java.util.List;

/** The page templates (src/main/resources/templates/web), checked against these parameters at build time. */
@CheckedTemplate(basePath = "web")
public final class Pages {

    private Pages() {
    }

    static native TemplateInstance login(boolean error, boolean signedOut, int wait);

    static native TemplateInstance organisations(List<Organisation> organisations);

    static native TemplateInstance organisation(OrganisationPages.Home home, OrganisationPages.StartForm form,
                                                FormErrors errors);

    static native TemplateInstance progress(OrganisationPages.ProgressPage page);

    static native TemplateInstance theme(QuestionnairePages.ThemePage page, FormErrors errors);

    static native TemplateInstance check(QuestionnairePages.CheckPage page, FormErrors errors);

    static native TemplateInstance result(ResultPages.ResultPage page);

    static native TemplateInstance explanation(Explanation x);

    static native TemplateInstance comparison(ComparisonPages.ComparisonPage page, FormErrors errors);

    static native TemplateInstance rules(List<RuleView> rules, String enabler, String version);

    static native TemplateInstance rule(RuleView rule);

    static native TemplateInstance error(int status, String title, String detail, FormErrors errors);
}
