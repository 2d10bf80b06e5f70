package org.readiness.scoring;

import org.readiness.scoring.engine.ScoreResult;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.readiness.questionnaire.Questionnaire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of scoring that must hold for any answers, checked over generated answer sets of the latest questionnaire:
 * lower answers never rate higher, an unknown never rates better than the lowest answer, every result has next steps.
 */
class ScoringPropertiesTest {

    private static final String ABSENT = "ABSENT";

    @Property(tries = 300)
    void scoresStayOnTheZeroToFourScale(@ForAll("answerSets") Map<String, Object> answers) {
        scores(RulesFixture.score(answers)).stream().filter(java.util.Objects::nonNull)
                .forEach(score -> assertThat(score).isBetween(0.0, 4.0));
    }

    @Property(tries = 300)
    void loweringOneAnswerNeverRaisesAnyScoreOrBand(@ForAll("answerSets") Map<String, Object> answers,
                                                    @ForAll("itemIndexes") int index, @ForAll("raises") int drop) {
        List<String> numeric = answers.entrySet().stream()
                .filter(e -> e.getValue() instanceof Integer v && v > 0).map(Map.Entry::getKey).toList();
        if (numeric.isEmpty()) {
            return;
        }
        String item = numeric.get(index % numeric.size());
        Map<String, Object> lowered = new LinkedHashMap<>(answers);
        lowered.put(item, Math.max(0, (Integer) answers.get(item) - drop));
        ScoreResult before = RulesFixture.score(answers);
        ScoreResult after = RulesFixture.score(lowered);
        List<Double> scoresBefore = scores(before);
        List<Double> scoresAfter = scores(after);
        for (int i = 0; i < scoresBefore.size(); i++) {
            if (scoresBefore.get(i) != null && scoresAfter.get(i) != null) {
                assertThat(scoresAfter.get(i)).as("score %d after lowering %s", i, item).isLessThanOrEqualTo(scoresBefore.get(i));
            }
        }
        assertNoBandRose(before, after, "lowering " + item);
    }

    @Property(tries = 300)
    void replacingAKnownCriticalAnswerWithDontKnowNeverRaisesAnyBand(@ForAll("answerSets") Map<String, Object> answers,
                                                                      @ForAll("itemIndexes") int index) {
        List<String> critical = RulesFixture.QUESTIONNAIRE.placements().filter(p -> p.item().critical())
                .map(p -> p.item().id()).filter(id -> answers.get(id) instanceof Integer).toList();
        if (critical.isEmpty()) {
            return;
        }
        String item = critical.get(index % critical.size());
        Map<String, Object> unknown = new LinkedHashMap<>(answers);
        unknown.put(item, "DONT_KNOW");
        ScoreResult known = RulesFixture.score(answers);
        ScoreResult withDontKnow = RulesFixture.score(unknown);
        assertNoBandRose(known, withDontKnow, "replacing " + item + " with DONT_KNOW");
        assertThat(withDontKnow.recommendations()).as("a step to find out " + item)
                .anyMatch(r -> r.id().equals("REC-FIND-OUT-CRITICAL") && r.title().contains(item) && r.priority() == 1);
    }

    @Property(tries = 200)
    void theSameAnswersGiveTheSameResultInAnyOrder(@ForAll("answerSets") Map<String, Object> answers, @ForAll long seed) {
        ScoreResult first = RulesFixture.score(answers);
        assertThat(RulesFixture.score(answers)).isEqualTo(first);
        List<Map.Entry<String, Object>> entries = new ArrayList<>(answers.entrySet());
        Collections.shuffle(entries, new Random(seed));
        Map<String, Object> shuffled = new LinkedHashMap<>();
        entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
        ScoreResult reordered = RulesFixture.score(shuffled);
        assertThat(reordered.overall()).isEqualTo(first.overall());
        assertThat(reordered.themes()).isEqualTo(first.themes());
        assertThat(reordered.enablers()).isEqualTo(first.enablers());
        assertThat(reordered.recommendations()).isEqualTo(first.recommendations());
    }

    @Property(tries = 300)
    void dontKnowIsTheSameAsNoAnswerAndNeverRatesBetterThanZero(@ForAll("answerSets") Map<String, Object> answers,
                                                                @ForAll("itemIndexes") int index) {
        List<String> items = RulesFixture.QUESTIONNAIRE.placements().map(p -> p.item().id()).toList();
        String item = items.get(index % items.size());
        Map<String, Object> dontKnow = new LinkedHashMap<>(answers);
        dontKnow.put(item, "DONT_KNOW");
        Map<String, Object> unanswered = new LinkedHashMap<>(answers);
        unanswered.remove(item);
        Map<String, Object> zero = new LinkedHashMap<>(answers);
        zero.put(item, 0);
        ScoreResult withDontKnow = RulesFixture.score(dontKnow);
        ScoreResult withoutAnswer = RulesFixture.score(unanswered);
        assertThat(withDontKnow.enablers()).isEqualTo(withoutAnswer.enablers());
        assertThat(withDontKnow.themes()).isEqualTo(withoutAnswer.themes());
        assertThat(withDontKnow.overall()).isEqualTo(withoutAnswer.overall());
        assertNoBandRose(RulesFixture.score(zero), withDontKnow, item + " as DONT_KNOW instead of 0");
    }

    @Property(tries = 300)
    void everyResultHasDistinctStepsThatNameTheirEnablerOwnerHorizonAndEvidence(
            @ForAll("answerSets") Map<String, Object> answers) {
        ScoreResult result = RulesFixture.score(answers);
        Questionnaire q = RulesFixture.QUESTIONNAIRE;
        java.util.Set<String> about = new java.util.HashSet<>(List.of("overall"));
        q.themes().forEach(t -> about.add(t.id()));
        q.enablers().forEach(e -> about.add(e.id()));
        assertThat(result.recommendations()).as("next steps").isNotEmpty();
        assertThat(result.recommendations()).extracting(ScoreResult.RankedRecommendation::title).doesNotHaveDuplicates();
        assertThat(result.recommendations()).extracting(ScoreResult.RankedRecommendation::text).doesNotHaveDuplicates();
        result.recommendations().forEach(r -> {
            assertThat(about).as("what step %s is about", r.id()).contains(r.enabler());
            assertThat(r.owner()).as("owner of %s", r.id()).isNotBlank();
            assertThat(r.horizon()).as("horizon of %s", r.id()).isNotNull();
            assertThat(r.doneWhen()).as("done-when of %s", r.id()).isNotBlank();
        });
    }

    @Property(tries = 100)
    void everyResultOfVersionOneAnswersHasSteps(@ForAll("versionOneAnswerSets") Map<String, Object> answers) {
        ScoreResult result = RulesFixture.score(RulesFixture.version(1), answers, null);
        assertThat(result.recommendations()).as("next steps").isNotEmpty();
        assertThat(result.recommendations()).extracting(ScoreResult.RankedRecommendation::text).doesNotHaveDuplicates();
    }

    /** Bands by rung; "insufficient evidence" is below every rung, since it never rates better than a known answer. */
    private static void assertNoBandRose(ScoreResult before, ScoreResult after, String change) {
        assertThat(after.overall().band().ordinal()).as("overall band after " + change)
                .isLessThanOrEqualTo(before.overall().band().ordinal());
        for (int i = 0; i < before.themes().size(); i++) {
            assertThat(after.themes().get(i).band().ordinal()).as("band of " + before.themes().get(i).id() + " after " + change)
                    .isLessThanOrEqualTo(before.themes().get(i).band().ordinal());
        }
        for (int i = 0; i < before.enablers().size(); i++) {
            assertThat(after.enablers().get(i).band().ordinal()).as("band of " + before.enablers().get(i).id() + " after " + change)
                    .isLessThanOrEqualTo(before.enablers().get(i).band().ordinal());
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> answerSets() {
        return answerSetsOf(RulesFixture.QUESTIONNAIRE);
    }

    @Provide
    Arbitrary<Map<String, Object>> versionOneAnswerSets() {
        return answerSetsOf(RulesFixture.version(1));
    }

    private static Arbitrary<Map<String, Object>> answerSetsOf(Questionnaire questionnaire) {
        List<Questionnaire.Item> items = questionnaire.placements().map(Questionnaire.Placement::item).toList();
        List<Arbitrary<Object>> perItem = items.stream().map(ScoringPropertiesTest::answerFor).toList();
        return Combinators.combine(perItem).as(values -> {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (int i = 0; i < items.size(); i++) {
                if (!ABSENT.equals(values.get(i))) {
                    answers.put(items.get(i).id(), values.get(i));
                }
            }
            return answers;
        });
    }

    @Provide
    Arbitrary<Integer> itemIndexes() {
        return Arbitraries.integers().between(0, 1_000);
    }

    @Provide
    Arbitrary<Integer> raises() {
        return Arbitraries.integers().between(1, 4);
    }

    /** Mostly numbers, sometimes missing in each of its three ways, as real returns are. */
    private static Arbitrary<Object> answerFor(Questionnaire.Item item) {
        Arbitrary<Object> number = Arbitraries.integers().between(0, 4).map(v -> v);
        Arbitrary<Object> missing = item.allowNotApplicable()
                ? Arbitraries.of(ABSENT, "DONT_KNOW", "NA")
                : Arbitraries.of(ABSENT, "DONT_KNOW");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, number),
                net.jqwik.api.Tuple.of(2, missing));
    }

    private static List<Double> scores(ScoreResult result) {
        List<Double> scores = new ArrayList<>();
        scores.add(result.overall().score());
        result.themes().forEach(t -> scores.add(t.score()));
        result.enablers().forEach(e -> scores.add(e.score()));
        return scores;
    }

}
