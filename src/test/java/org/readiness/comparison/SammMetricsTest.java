package org.readiness.comparison;

import org.junit.jupiter.api.Test;
import org.readiness.comparison.SammMetrics.Measure;
import org.readiness.comparison.SammMetrics.Point;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The arithmetic against OWASP SAMM's worked example, and the cases where a division has no meaning. */
class SammMetricsTest {

    private static final double[] TARGET = {1, 1, 0, 1, 0.5, 0};
    private static final double[] BASELINE = {0.25, 0, 0, 1, 0, 0};

    private static List<Point> points(double[] current, double[] baseline) {
        return java.util.stream.IntStream.range(0, TARGET.length)
                .mapToObj(i -> new Point(TARGET[i], current[i], baseline == null ? null : baseline[i])).toList();
    }

    @Test
    void percentageToTargetOfTheWorkedExampleIs0357() {
        Measure m = SammMetrics.percentageToTarget(points(BASELINE, null));
        assertThat(m.value()).isCloseTo(0.357, within(0.0005));
        assertThat(m.value()).isCloseTo(1 - 2.25 / 3.5, within(1e-12));
        assertThat(m.reason()).isNull();
    }

    @Test
    void progressToDateAfterTheFirstTwoRiseTo1And05Is0556() {
        double[] current = {1, 0.5, 0, 1, 0, 0};
        Measure m = SammMetrics.progressToDate(points(current, BASELINE));
        assertThat(m.value()).isCloseTo(0.556, within(0.0005));
        assertThat(m.value()).isCloseTo(1.25 / 2.25, within(1e-12));
    }

    @Test
    void theBaselineItselfHasMadeNoProgress() {
        assertThat(SammMetrics.progressToDate(points(BASELINE, BASELINE)).value()).isZero();
    }

    @Test
    void exceedingOneTargetDoesNotMakeUpForAnother() {
        Measure m = SammMetrics.percentageToTarget(List.of(new Point(2, 4, null), new Point(2, 0, null)));
        assertThat(m.value()).isEqualTo(0.5);
    }

    @Test
    void divisionsWithoutMeaningAreNullWithAReason() {
        Measure noTarget = SammMetrics.percentageToTarget(List.of(new Point(0, 1, null), new Point(0, 0, null)));
        assertThat(noTarget.value()).isNull();
        assertThat(noTarget.reason()).contains("total target is 0");

        Measure targetAtBaseline = SammMetrics.progressToDate(List.of(new Point(2, 3, 2.0)));
        assertThat(targetAtBaseline.value()).isNull();
        assertThat(targetAtBaseline.reason()).contains("equals the total baseline");

        assertThat(SammMetrics.percentageToTarget(List.of()).reason()).contains("no enabler");
        assertThat(SammMetrics.progressToDate(List.of(new Point(2, 3, null))).reason()).contains("baseline");
    }
}
