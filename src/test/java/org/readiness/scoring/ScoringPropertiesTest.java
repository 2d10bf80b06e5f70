package org.readiness.scoring;

import org.readiness.scoring.engine.ScoreResult;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.scoring.engine.ScoreResult.EnablerRating;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of scoring that must hold for any answers, checked over generated answer sets. */
class ScoringPropertiesTest {

    private static final String ABSENT = "ABSENT";

    @Property(tries = 300)
    void scoresStayOnTheZeroToFourScale(@ForAll("answerSets") Map<String, Object> answers) {
        scores(RulesFixture.score(answers)).stream().filter(java.util.Objects::nonNull)
                .forEach(score -> assertThat(score).isBetween(0.0, 4.0));
    }

    @Property(tries = 300)
    void raisingOneAnswerNeverLowersAnyScore(@ForAll("answerSets") Map<String, Object> answers,
                                             @ForAll("itemIndexes") int index, @ForAll("raises") int raise) {
        List<String> numeric = answers.entrySet().stream()
                .filter(e -> e.getValue() instanceof Integer v && v < 4).map(Map.Entry::getKey).toList();
        if (numeric.isEmpty()) {
            return;
        }
        String item = numeric.get(index % numeric.size());
        Map<String, Object> raised = new LinkedHashMap<>(answers);
        raised.put(item, Math.min(4, (Integer) answers.get(item) + raise));
        List<Double> before = scores(RulesFixture.score(answers));
        List<Double> after = scores(RulesFixture.score(raised));
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) != null) {
                assertThat(after.get(i)).as("score %d after raising %s", i, item).isGreaterThanOrEqualTo(before.get(i));
            } else {
                assertThat(after.get(i)).as("raising an answer changes no evidence coverage").isNull();
            }
        }
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
    void dontKnowNeverCountsAsZero(@ForAll("answerSets") Map<String, Object> answers, @ForAll("itemIndexes") int index) {
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
        assertThat(withDontKnow.overall()).isEqualTo(withoutAnswer.overall());
        EnablerRating dk = enablerOf(withDontKnow, item);
        EnablerRating asZero = enablerOf(RulesFixture.score(zero), item);
        if (dk.score() != null && asZero.score() != null) {
            assertThat(dk.answered()).isEqualTo(asZero.answered() - 1);
            assertThat(dk.score()).isGreaterThanOrEqualTo(asZero.score());
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> answerSets() {
        List<Questionnaire.Item> items = RulesFixture.QUESTIONNAIRE.placements().map(Questionnaire.Placement::item).toList();
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

    private static EnablerRating enablerOf(ScoreResult result, String item) {
        String enabler = RulesFixture.QUESTIONNAIRE.itemsById().get(item).enabler().id();
        return result.enablers().stream().filter(e -> e.id().equals(enabler)).findFirst().orElseThrow();
    }
}
