package org.readiness.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.ScoringBench;

import java.util.concurrent.TimeUnit;

/**
 * Scoring one full assessment in-process: every item answered, every rule, with and without the
 * fired-rule trace. Sample mode, so that JMH reports the median (p0.50) as well as the mean.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// The JBoss log manager, as in the service: without it every Drools trace statement is formatted and buffered
@Fork(value = 2, jvmArgs = {"-Xms512m", "-Xmx512m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"})
public class ScoringBenchmark {

    private ScoringBench bench;

    @Setup
    public void setUp() {
        // INFO, as the service logs: outside Quarkus the JBoss log manager starts with every level on, and
        // Drools would format and buffer a trace line for each node it visits.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        bench = new ScoringBench();
    }

    @Benchmark
    public ScoreResult fullAssessmentWithTrace() {
        return bench.score(true);
    }

    @Benchmark
    public ScoreResult fullAssessmentWithoutTrace() {
        return bench.score(false);
    }
}
