package org.readiness.web;

import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.facts.Band;
import org.readiness.scoring.facts.Conventions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart of the enabler scores on the scale of the ruleset that scored them (scoring/bands.yaml),
 * one grid line per whole point, laid out here and drawn as inline SVG by the
 * result template: no script, nothing fetched. Each enabler has its name above its bar and its band after it.
 * The same figures are in the table below the chart, which is what assistive technology reads.
 */
public record EnablerChart(int width, int height, int left, int plot, List<Bar> bars, List<Tick> ticks) {

    private static final int WIDTH = 640;
    private static final int LEFT = 8;
    private static final int PLOT = 440;
    private static final int ROW = 46;
    private static final int TOP = 8;
    private static final int AXIS = 28;

    /** One enabler: its label line, and its bar (no bar when it has no score). */
    public record Bar(String label, String value, int labelY, int barY, int barWidth, int valueX, boolean scored) {
    }

    /** A grid line of the score axis. */
    public record Tick(String label, int x) {
    }

    public static EnablerChart of(List<ScoreResult.EnablerRating> enablers, Conventions conventions) {
        double from = conventions.getScaleFrom();
        double span = conventions.getScaleTo() - from;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < enablers.size(); i++) {
            ScoreResult.EnablerRating e = enablers.get(i);
            int y = TOP + i * ROW;
            int w = e.score() == null ? 0 : (int) Math.round(PLOT * Math.max(0, Math.min(span, e.score() - from)) / span);
            String value = e.score() == null ? Labels.words(Band.INSUFFICIENT_EVIDENCE)
                    : String.format(Locale.ROOT, "%.2f, %s", e.score(), Labels.words(e.band()));
            bars.add(new Bar(e.title(), value, y + 14, y + 20, w, LEFT + w + 8, e.score() != null));
        }
        List<Tick> ticks = new ArrayList<>();
        for (long s = (long) Math.ceil(from); s <= conventions.getScaleTo(); s++) {
            ticks.add(new Tick(String.valueOf(s), LEFT + (int) Math.round(PLOT * (s - from) / span)));
        }
        return new EnablerChart(WIDTH, TOP + enablers.size() * ROW + AXIS, LEFT, PLOT, bars, ticks);
    }

    /** Where the axis labels sit. */
    public int axisY() {
        return height - 10;
    }

    /** Where the grid lines end. */
    public int gridBottom() {
        return height - AXIS;
    }
}
