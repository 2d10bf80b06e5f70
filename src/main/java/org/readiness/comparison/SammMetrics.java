package org.readiness.comparison;

import java.util.List;

/**
 * The two progress measures of OWASP SAMM's assessment toolbox, over the enablers that have a target:
 * <ul>
 * <li>percentage to target = 1 - total gap / total target, where an enabler's gap is max(0, target - current):
 * exceeding a target on one enabler does not make up for falling short on another;</li>
 * <li>progress to date = (total current - total baseline) / (total target - total baseline): how much of the
 * distance from the first assessment to the target has been covered.</li>
 * </ul>
 * Totals are sums over enablers, as SAMM sums over practices. Where a division has no meaning (no target above
 * zero; the target is where the baseline already was) the value is null with the reason, never NaN or infinity.
 * Pure arithmetic, so that the published worked example can be checked without a database.
 */
public final class SammMetrics {

    private SammMetrics() {
    }

    /** One enabler's figures; {@code baseline} may be null where only percentage to target is wanted. */
    public record Point(double target, double current, Double baseline) {
    }

    /** A measure, or null with the reason it cannot be given. */
    public record Measure(Double value, String reason) {
        static Measure of(double value) {
            return new Measure(value, null);
        }

        static Measure none(String reason) {
            return new Measure(null, reason);
        }
    }

    public static Measure percentageToTarget(List<Point> points) {
        if (points.isEmpty()) {
            return Measure.none("no enabler has both a target and a current score");
        }
        double target = 0;
        double gap = 0;
        for (Point p : points) {
            target += p.target();
            gap += Math.max(0, p.target() - p.current());
        }
        if (target == 0) {
            return Measure.none("the total target is 0, so there is no distance to measure against");
        }
        return Measure.of(1 - gap / target);
    }

    public static Measure progressToDate(List<Point> points) {
        List<Point> usable = points.stream().filter(p -> p.baseline() != null).toList();
        if (usable.isEmpty()) {
            return Measure.none("no enabler has a target, a current score and a baseline score");
        }
        double target = 0;
        double current = 0;
        double baseline = 0;
        for (Point p : usable) {
            target += p.target();
            current += p.current();
            baseline += p.baseline();
        }
        if (target == baseline) {
            return Measure.none("the total target equals the total baseline, so there was no distance to cover");
        }
        return Measure.of((current - baseline) / (target - baseline));
    }
}
