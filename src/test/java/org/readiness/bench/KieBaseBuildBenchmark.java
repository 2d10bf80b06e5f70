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
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetCache;
import org.readiness.scoring.ScoringBench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Building the KieBase from rules/. {@code cold}: the first build in a fresh JVM (one shot per fork, as at
 * start-up). {@code warm}: a rebuild in a JVM that has built before (as on reload). The {@code fromCache} pair
 * does the same with the compiled-ruleset cache (RulesetCache) holding this version: the DRL is not compiled, the
 * KieBase is rebuilt from its compiled packages, and every metadata check still runs. The cache folder is
 * target/bench-ruleset-cache; setup fills it when empty (so run once before reading the cold figure).
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class KieBaseBuildBenchmark {

    private static final Path CACHE = Path.of("target", "bench-ruleset-cache");
    private RulesetCache cache;

    @Setup
    public void setUp() throws java.io.IOException {
        // INFO, as the service logs; outside Quarkus every Drools trace line would be formatted and buffered.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        cache = new RulesetCache(CACHE);
        boolean empty = !Files.isDirectory(CACHE);
        if (!empty) {
            try (var files = Files.list(CACHE)) {
                empty = files.findAny().isEmpty();
            }
        }
        if (empty) {
            ScoringBench.compileRules(cache);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgs = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
    public Ruleset cold() {
        return ScoringBench.compileRules();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    @Fork(value = 1, jvmArgs = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
    public Ruleset warm() {
        return ScoringBench.compileRules();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(value = 5, jvmArgs = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
    public Ruleset coldFromCache() {
        return ScoringBench.compileRules(cache);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    @Fork(value = 1, jvmArgs = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager")
    public Ruleset warmFromCache() {
        return ScoringBench.compileRules(cache);
    }
}
