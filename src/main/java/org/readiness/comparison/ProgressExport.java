package org.readiness.comparison;

import org.readiness.comparison.export.Cells;
import org.readiness.comparison.export.Table;

import org.readiness.comparison.ProgressView.Change;
import org.readiness.comparison.ProgressView.Result;
import org.readiness.comparison.ProgressView.Series;
import org.readiness.comparison.TargetService.TargetView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Progress as tables, in long form: per result, one "overall" row carrying the overall rating and the two SAMM
 * measures, then one row per enabler with its change and target. Long form keeps one header for results under
 * any questionnaire version. Every row ends with the self-assessment note.
 */
public final class ProgressExport {

    private ProgressExport() {
    }

    public static Table main(ProgressView v) {
        List<String> header = List.of("organisation code", "organisation name", "questionnaire", "scope",
                "questionnaire version", "period", "submitted at", "assessment", "enabler", "score", "band",
                "change since previous", "change since baseline", "target score", "gap to target",
                "percentage to target", "progress to date", "note");
        List<List<Object>> rows = new ArrayList<>();
        for (Series s : v.series()) {
            for (Result r : s.results()) {
                rows.add(row(v, s, r, r.overall(), r.percentageToTarget().value(), r.progressToDate().value()));
                for (Change c : r.enablers()) {
                    rows.add(row(v, s, r, c, null, null));
                }
            }
        }
        return new Table("Progress", header, rows);
    }

    private static List<Object> row(ProgressView v, Series s, Result r, Change c, Double percentage, Double progress) {
        return Arrays.asList(v.organisation(), v.name(), s.questionnaire(), s.scope(), r.questionnaireVersion(),
                r.period(), r.submittedAt().toInstant().toString(), r.assessment(), c.id(), c.score(),
                c.band() == null ? null : c.band().name(), c.changeSincePrevious(), c.changeSinceBaseline(), c.target(),
                c.gap(), percentage, progress, ComparisonView.NOTE);
    }

    public static List<Table> sheets(ProgressView v) {
        List<List<Object>> targets = new ArrayList<>();
        for (Series s : v.series()) {
            for (TargetView t : s.targets()) {
                targets.add(Arrays.asList(s.questionnaire(), s.scope(), s.targetsFrom(), t.enabler(), t.score(),
                        t.band() == null ? null : t.band().name(), t.setBy(), t.setAt().toString()));
            }
        }
        List<List<Object>> about = new ArrayList<>();
        about.add(List.of("note", ComparisonView.NOTE));
        about.add(List.of("percentage to target", "1 - total gap / total target over enablers with a target and a "
                + "score; gap = max(0, target - current) (OWASP SAMM)"));
        about.add(List.of("progress to date", "(total current - total baseline) / (total target - total baseline); "
                + "the baseline is the first result of the series (OWASP SAMM)"));
        about.add(List.of("band targets", "a target set as a band counts as the band's lower bound: GETTING_STARTED 0, "
                + "DEVELOPING 1, ESTABLISHED 2, EMBEDDED 3"));
        return List.of(main(v), new Table("Targets", List.of("questionnaire", "scope", "targets from", "enabler",
                "target score", "target band", "set by", "set at"), targets), new Table("About", List.of("item", "value"), about));
    }
}
