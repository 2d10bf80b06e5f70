package org.readiness.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readiness.ruleset.RulesetService;
import org.readiness.scoring.ScoreRequest;
import org.readiness.scoring.ScoringService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring invariants under load, in the service's own scoring path: the same answers scored 10,000 times across
 * threads give one result, byte for byte; with the ruleset swapped twice during such a run, every result is
 * wholly the old ruleset's or wholly the new one's, never a mixture.
 */
@QuarkusTest
@TestProfile(ReloadTest.CopiedRules.class)
class ScoringUnderLoadTest {

    static final int RUNS = 10_000;
    static final int THREADS = 8;
    static final Path EVIDENCE = ReloadTest.FOLDER.resolve("recommendations/evidence.drl");
    /** A whole assessment: every item answered, as in the README's example. */
    static final Path ANSWERS = Path.of("docs/examples/score-request.json");

    @Inject
    ScoringService scoring;

    @Inject
    RulesetService rulesets;

    @Inject
    ObjectMapper json;

    JsonNode answers;

    @BeforeEach
    void readAnswers() throws Exception {
        answers = json.readTree(ANSWERS.toFile());
    }

    @AfterEach
    void restoreRules() {
        ReloadTest.copyRules();
        rulesets.reload();
    }

    @Test
    void theSameAnswersScoredTenThousandTimesAcrossThreadsGiveOneResult() throws Exception {
        Map<String, LongAdder> results = run(done -> awaitAtLeast(done, RUNS));
        assertThat(results).hasSize(1);
        assertThat(results.values().iterator().next().sum()).isGreaterThanOrEqualTo(RUNS);
    }

    @Test
    void aReloadDuringTheRunNeverYieldsAMixedResult() throws Exception {
        String before = result();
        // The example leaves PT-04 "don't know" in a rated enabler, so the step to find out (REC-FIND-OUT) is in its
        // result; the changed rules reword that step's title.
        String step = "\"Answer the unknown questions on \"";
        assertThat(Files.readString(EVIDENCE)).contains(step);
        assertThat(before).contains("Answer the unknown questions on protected time");
        String changedText = Files.readString(EVIDENCE).replace(step, "\"Answer the unknown questions first on \"");
        List<String> after = new ArrayList<>();

        // While the scorers keep going: swap to the changed rules, then back.
        Map<String, LongAdder> results = run(done -> {
            awaitAtLeast(done, RUNS / 5);
            Files.writeString(EVIDENCE, changedText);
            rulesets.reload();
            after.add(result());
            awaitAtLeast(done, done.get() + RUNS / 5);
            ReloadTest.copyRules();
            rulesets.reload();
            awaitAtLeast(done, Math.max(RUNS, done.get() + RUNS / 5));
        });

        assertThat(after.get(0)).isNotEqualTo(before).contains("Answer the unknown questions first on protected time");
        assertThat(results.keySet()).as("every result is wholly one ruleset's").isSubsetOf(before, after.get(0));
        assertThat(results.keySet()).as("both rulesets served during the run").hasSize(2);
        String versionBefore = json.readTree(before).at("/ruleset/version").asText();
        String versionAfter = json.readTree(after.get(0)).at("/ruleset/version").asText();
        assertThat(versionAfter).isNotEqualTo(versionBefore);
        for (String result : results.keySet()) {
            assertThat(json.readTree(result).at("/ruleset/version").asText())
                    .isEqualTo(result.contains("unknown questions first on") ? versionAfter : versionBefore);
        }
    }

    interface Coordinator {
        /** Runs on the test thread while the scorers score; they stop when it returns. */
        void during(AtomicInteger done) throws Exception;
    }

    /** Scores {@link #ANSWERS} on {@link #THREADS} threads while {@code coordinator} runs; counts each distinct result. */
    Map<String, LongAdder> run(Coordinator coordinator) throws Exception {
        Map<String, LongAdder> results = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Future<?>> scorers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                scorers.add(pool.submit(() -> {
                    try {
                        while (!stop.get()) {
                            results.computeIfAbsent(result(), r -> new LongAdder()).increment();
                            done.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        done.set(Integer.MIN_VALUE / 2);
                    }
                    return null;
                }));
            }
            try {
                coordinator.during(done);
            } finally {
                stop.set(true);
            }
            for (Future<?> f : scorers) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(failure.get()).as("no scoring failed").isNull();
        } finally {
            pool.shutdownNow();
        }
        return results;
    }

    static void awaitAtLeast(AtomicInteger done, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (done.get() < n) {
            if (done.get() < 0) {
                return; // a scorer failed: run() reports it
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + done.get() + " of " + n + " scorings in 240 s");
            }
            Thread.sleep(5);
        }
    }

    String result() throws Exception {
        return json.writeValueAsString(scoring.score(ScoreRequest.read(answers)));
    }

}
