package org.readiness.comparison;

import org.readiness.comparison.export.Cells;
import org.readiness.comparison.export.Table;

import org.readiness.comparison.ComparisonView.EnablerRating;
import org.readiness.comparison.ComparisonView.Row;
import org.readiness.comparison.ComparisonView.Statistic;
import org.readiness.comparison.SharedEnablers.LeftOut;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The comparison as tables. The main table has one row per organisation, then four cohort rows (n, lower
 * quartile, median, upper quartile) whose values sit under each enabler's score column; a suppressed statistic
 * is an empty cell, and the row's note says which were suppressed. Every row ends with the self-assessment note,
 * so that the caveat travels with any row copied out of the file, and the file stays a plain RFC 4180 table.
 */
public final class ComparisonExport {

    private ComparisonExport() {
    }

    public static Table main(ComparisonView v) {
        List<String> header = new ArrayList<>(Arrays.asList("record", "organisation code", "organisation name", "type",
                "region", "scope", "period", "submitted at", "questionnaire version", "ruleset version",
                "overall score", "overall band"));
        for (String e : v.enablers()) {
            header.add(e + " score");
            header.add(e + " band");
        }
        header.add("note");
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : v.organisations()) {
            List<Object> row = new ArrayList<>(Arrays.asList("organisation", r.code(), r.name(), r.type().name(),
                    r.region(), r.scope(), r.period(), r.submittedAt().toInstant().toString(), r.questionnaireVersion(),
                    r.rulesetVersion(), r.overall().score(), r.overall().band() == null ? null : r.overall().band().name()));
            for (EnablerRating e : r.enablers()) {
                row.add(e.score());
                row.add(e.band() == null ? null : e.band().name());
            }
            row.add(ComparisonView.NOTE);
            rows.add(row);
        }
        String suppressed = String.join(", ", v.statistics().enablers().stream().filter(Statistic::suppressed)
                .map(Statistic::id).toList());
        String statsNote = ComparisonView.NOTE + (suppressed.isEmpty() ? "" : " Cohort statistics suppressed (fewer "
                + "than " + v.statistics().minCohort() + " organisations) for: " + suppressed + ".");
        rows.add(statistic(v, "cohort n", s -> s.n() == null ? null : s.n().doubleValue(), statsNote));
        rows.add(statistic(v, "cohort lower quartile", Statistic::lowerQuartile, statsNote));
        rows.add(statistic(v, "cohort median", Statistic::median, statsNote));
        rows.add(statistic(v, "cohort upper quartile", Statistic::upperQuartile, statsNote));
        return new Table("Comparison", header, rows);
    }

    private static List<Object> statistic(ComparisonView v, String label, Function<Statistic, Double> value, String note) {
        List<Object> row = new ArrayList<>(Arrays.asList(label, null, null, null, null, null, null, null, null, null));
        Statistic overall = v.statistics().overall();
        row.add(overall == null ? null : value.apply(overall));
        row.add(null);
        for (Statistic s : v.statistics().enablers()) {
            row.add(value.apply(s));
            row.add(null);
        }
        row.add(note);
        return row;
    }

    /** The workbook: the main table, the statistics with their suppression, and what the figures mean. */
    public static List<Table> sheets(ComparisonView v) {
        List<List<Object>> stats = new ArrayList<>();
        List<Statistic> all = new ArrayList<>();
        if (v.statistics().overall() != null) {
            all.add(v.statistics().overall());
        }
        all.addAll(v.statistics().enablers());
        for (Statistic s : all) {
            stats.add(Arrays.asList(s.id(), s.n(), s.organisations(), s.lowerQuartile(), s.median(), s.upperQuartile(),
                    s.suppressed() ? "yes" : "no", s.reason()));
        }
        Table statistics = new Table("Cohort statistics", List.of("enabler", "n", "organisations", "lower quartile",
                "median", "upper quartile", "suppressed", "reason"), stats);
        List<List<Object>> about = new ArrayList<>();
        about.add(List.of("note", ComparisonView.NOTE));
        about.add(List.of("questionnaire", v.filters().questionnaire()));
        about.add(Arrays.asList("questionnaire versions", v.questionnaireVersions().toString()));
        about.add(Arrays.asList("filters", "version=" + v.filters().version() + " region=" + v.filters().region()
                + " type=" + v.filters().type() + " period=" + v.filters().period() + " scope=" + v.filters().scope()
                + " byScope=" + v.filters().byScope()));
        about.add(List.of("quartile method", v.statistics().method()));
        about.add(List.of("minimum cohort", String.valueOf(v.statistics().minCohort())));
        for (LeftOut l : v.leftOut()) {
            about.add(List.of("left out: " + l.enabler(), l.reason()));
        }
        return List.of(main(v), statistics, new Table("About", List.of("item", "value"), about));
    }
}
