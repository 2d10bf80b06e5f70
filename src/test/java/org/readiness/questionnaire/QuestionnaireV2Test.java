package org.readiness.questionnaire;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What version 2 of the questionnaire promises beyond what the loader checks of every version (issue 17): each item
 * has five anchors of its own, every weight other than 1 says why, critical items cannot be "not applicable", and no
 * enabler asks more than fits on one page. Version 1 still loads beside it.
 */
class QuestionnaireV2Test {

    private static final List<Questionnaire> LOADED = new QuestionnaireLoader().loadFolder(Path.of("questionnaires"));
    private static final Questionnaire V2 = LOADED.stream().filter(q -> q.version() == 2).findFirst().orElseThrow();

    @Test
    void versionOneStillLoadsBesideVersionTwo() {
        assertThat(LOADED).extracting(Questionnaire::key).contains("nttp-readiness@1", "nttp-readiness@2");
    }

    @Test
    void everyAnchoredItemHasFiveAnchorsOfItsOwnAndNoAnchorIsUsedTwice() {
        Map<String, String> seen = new HashMap<>();
        List<String> faults = new ArrayList<>();
        V2.placements().map(Questionnaire.Placement::item)
                .filter(i -> Questionnaire.Item.ANCHORED.equals(i.type())).forEach(item -> {
                    assertThat(item.scale()).as("points of " + item.id()).extracting(Questionnaire.ScalePoint::value)
                            .containsExactly(0, 1, 2, 3, 4);
                    for (Questionnaire.ScalePoint p : item.scale()) {
                        String earlier = seen.putIfAbsent(p.anchor(), item.id() + " " + p.value());
                        if (p.anchor() == null || p.anchor().isBlank()) {
                            faults.add(item.id() + " " + p.value() + " has no anchor");
                        } else if (earlier != null) {
                            faults.add(item.id() + " " + p.value() + " repeats the anchor of " + earlier);
                        }
                    }
                });
        assertThat(faults).isEmpty();
    }

    @Test
    void everyWeightOtherThanOneSaysWhy() {
        V2.enablers().filter(e -> e.weight() != 1.0)
                .forEach(e -> assertThat(e.weightReason()).as("weightReason of enabler " + e.id()).isNotBlank());
        V2.placements().map(Questionnaire.Placement::item).filter(i -> i.weight() != 1.0)
                .forEach(i -> assertThat(i.weightReason()).as("weightReason of " + i.id()).isNotBlank());
        assertThat(V2.enablers().filter(e -> e.id().equals("dedicated-lead")).findFirst().orElseThrow().weight())
                .as("the lead, which all three areas stressed, weighs more than an ordinary enabler").isGreaterThan(1.0);
    }

    @Test
    void criticalItemsAreNeverNotApplicableAndEveryEnablerFitsOnOnePage() {
        V2.placements().map(Questionnaire.Placement::item).filter(Questionnaire.Item::critical)
                .forEach(i -> assertThat(i.allowNotApplicable()).as("NA on critical " + i.id()).isFalse());
        assertThat(V2.placements().filter(p -> p.item().critical()).map(p -> p.item().id()))
                .containsExactly("DL-01", "GV-01", "PT-01");
        V2.enablers().forEach(e -> assertThat(e.items()).as("items of " + e.id()).hasSizeBetween(1, 8));
    }
}
