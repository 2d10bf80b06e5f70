package org.readiness.scoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.scoring.engine.Firing;
import org.readiness.scoring.engine.ScoreResult;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The service's own meters, published with the HTTP and datasource meters at /q/metrics. */
@ApplicationScoped
public class ScoringMetrics {

    @Inject
    MeterRegistry registry;

    private Timer scoring;
    private final Map<String, Counter> firedByRule = new ConcurrentHashMap<>();

    private Timer scoring() {
        if (scoring == null) {
            scoring = Timer.builder("readiness.scoring").description("Time to score one set of answers, all rules")
                    .publishPercentileHistogram().register(registry);
        }
        return scoring;
    }

    /** One scoring: its duration, and each rule that fired in it. */
    public void scored(ScoreResult result, long nanos) {
        scoring().record(Duration.ofNanos(nanos));
        for (Firing firing : result.trace()) {
            firedByRule.computeIfAbsent(firing.rule(), rule -> Counter.builder("readiness.rules.fired")
                    .description("Rule firings, by rule id").tag("rule", rule).register(registry)).increment();
        }
    }

    /** A submission: {@code outcome} is "stored" for a new result, "repeat" when the stored one was returned. */
    public void submitted(String outcome) {
        registry.counter("readiness.submissions", "outcome", outcome).increment();
    }
}
