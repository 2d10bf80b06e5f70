package org.readiness.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.readiness.scoring.Ruleset;
import org.readiness.scoring.ScoringBench;

import java.util.concurrent.TimeUnit;

/**
 * Building the KieBase from rules/. {@code cold}: the first build in a fresh JVM (one shot per fork, as at
 * start-up). {@code warm}: a rebuild in a JVM that has built before (as on reload).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KieBaseBuildBenchmark {

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public Ruleset cold() {
        return ScoringBench.compileRules();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    @Fork(1)
    public Ruleset warm() {
        return ScoringBench.compileRules();
    }
}
