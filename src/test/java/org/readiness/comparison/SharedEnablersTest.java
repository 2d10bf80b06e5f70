package org.readiness.comparison;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readiness.comparison.SharedEnablers.Crosswalks;
import org.readiness.comparison.SharedEnablers.LeftOut;
import org.readiness.comparison.SharedEnablers.Shared;
import org.readiness.questionnaire.Crosswalk;
import org.readiness.questionnaire.CrosswalkLoader;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireLoader;
import org.readiness.testing.MiniQuestionnaires;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which enablers are compared across questionnaire versions: through the crosswalk where one joins the two versions
 * (the real nttp-readiness 1 and 2), by item ids and weights where none does. Plain JUnit.
 */
class SharedEnablersTest {

    private static Questionnaire v1;
    private static Questionnaire v2;
    private static Crosswalks real;

    @TempDir
    Path dir;

    @BeforeAll
    static void realVersions() {
        QuestionnaireLoader loader = new QuestionnaireLoader();
        v1 = loader.load(Path.of("questionnaires", "nttp-readiness-v1.yaml"));
        v2 = loader.load(Path.of("questionnaires", "nttp-readiness-v2.yaml"));
        Crosswalk crosswalk = new CrosswalkLoader().load(
                Path.of("questionnaires", "crosswalks", "nttp-readiness-v1-to-v2.yaml"), List.of(v1, v2));
        real = only(crosswalk);
    }

    private static Crosswalks only(Crosswalk c) {
        return (id, from, to) -> id.equals(c.questionnaire()) && from == c.from() && to == c.to() ? Optional.of(c) : Optional.empty();
    }

    private static Map<String, String> reasons(Shared shared) {
        return shared.leftOut().stream().collect(Collectors.toMap(LeftOut::enabler, LeftOut::reason));
    }

    @Test
    void betweenTheRealVersionsOnlyEnablersWhoseItemsAreAllKeptAreCompared() {
        Shared shared = SharedEnablers.across(List.of(v2, v1), real);
        assertThat(shared.compared()).containsExactly("sharing-learning");
        assertThat(shared.leftOut()).hasSize(14);
        Map<String, String> reasons = reasons(shared);
        assertThat(reasons.get("dedicated-lead")).isEqualTo("version 2 merged DL-03 and SB-05 into DL-06, reworded DL-05 as "
                + "DL-07, added DL-09 and changed the weight of the enabler from 1 to 3");
        assertThat(reasons.get("supervision-wellbeing")).isEqualTo(
                "version 2 merged PT-04 and SW-02 into SW-04 and changed the weight of SW-03 from 2 to 1");
        assertThat(reasons.get("senior-buy-in")).contains("split SB-03 into SB-07 and SB-08", "moved SB-05 into DL-06 (dedicated-lead)");
        assertThat(reasons.get("implementation-support"))
                .isEqualTo("version 2 added IS-06 and IS-07, dropped IS-03 and changed the weight of the enabler from 1 to 2");
        assertThat(reasons.get("governance")).contains("moved GV-05 into MA-04 (multi-agency)");
        assertThat(reasons.values()).noneMatch(r -> r.contains("items differ"));
    }

    @Test
    void progressComparesAnEnablerOnlyWhereTheCrosswalkKeepsItInEitherOrder() {
        assertThat(SharedEnablers.comparable(v1, v2, "sharing-learning", real)).isTrue();
        assertThat(SharedEnablers.comparable(v2, v1, "sharing-learning", real)).isTrue();
        assertThat(SharedEnablers.comparable(v2, v1, "dedicated-lead", real)).isFalse();
        assertThat(SharedEnablers.comparable(v2, v2, "dedicated-lead", real)).isTrue();
        assertThat(SharedEnablers.reason(List.of(v1, v1), "dedicated-lead", real)).isEmpty();
    }

    @Test
    void withoutACrosswalkTheSameItemIdsAndWeightsDecide() {
        Questionnaire a = MiniQuestionnaires.load(dir, 1, "lead: LD-01, LD-02*2; time: TM-01; money: MN-01");
        Questionnaire b = MiniQuestionnaires.load(dir, 2, "lead*3: LD-01, LD-02*2; time: TM-01, TM-02; money: MN-01*2; new: NW-01");
        Questionnaire c = MiniQuestionnaires.load(dir, 3, "lead: LD-01, LD-02*2; time: TM-01, TM-02");
        Shared shared = SharedEnablers.across(List.of(a, b), Crosswalks.NONE);
        assertThat(shared.compared()).as("the enabler's own weight does not count without a crosswalk").containsExactly("lead");
        assertThat(reasons(shared)).containsOnly(
                Map.entry("time", "its items differ between questionnaire versions 1, 2"),
                Map.entry("money", "its items differ between questionnaire versions 1, 2"),
                Map.entry("new", "not in questionnaire version 1"));
        Shared three = SharedEnablers.across(List.of(c, a, b), Crosswalks.NONE);
        assertThat(three.compared()).containsExactly("lead");
        assertThat(reasons(three)).containsEntry("money", "not in questionnaire version 3")
                .containsEntry("time", "its items differ between questionnaire versions 1, 2")
                .containsEntry("new", "not in questionnaire version 1, 3");
        assertThat(SharedEnablers.across(List.of(a, b))).as("the one-argument form has no crosswalks").isEqualTo(shared);
    }

    @Test
    void withACrosswalkTheEnablersWeightAndEveryItemMustBeKept() {
        Questionnaire a = MiniQuestionnaires.load(dir, 1, "lead: LD-01, LD-02; time: TM-01; money: MN-01, MN-02");
        Questionnaire b = MiniQuestionnaires.load(dir, 2, "lead*2: LD-01, LD-02; time: TM-01; money: MN-01, MN-03");
        Crosswalk crosswalk = new Crosswalk("mini", 1, 2, List.of(
                new Crosswalk.Entry("LD-01", Crosswalk.SAME, List.of("LD-01"), null),
                new Crosswalk.Entry("LD-02", Crosswalk.SAME, List.of("LD-02"), null),
                new Crosswalk.Entry("TM-01", Crosswalk.SAME, List.of("TM-01"), null),
                new Crosswalk.Entry("MN-01", Crosswalk.SAME, List.of("MN-01"), null),
                new Crosswalk.Entry("MN-03", Crosswalk.REWORDED, List.of("MN-02"), "Narrowed.")),
                List.of(new Crosswalk.Retired("MN-02", List.of("MN-03"), "Narrowed.")));
        Shared shared = SharedEnablers.across(List.of(a, b), only(crosswalk));
        assertThat(shared.compared()).containsExactly("time");
        assertThat(reasons(shared)).containsOnly(
                Map.entry("lead", "version 2 changed the weight of the enabler from 1 to 2"),
                Map.entry("money", "version 2 reworded MN-02 as MN-03"));
        Questionnaire c = MiniQuestionnaires.load(dir, 3, "lead*2: LD-01, LD-02; money: MN-01, MN-03");
        assertThat(reasons(SharedEnablers.across(List.of(a, b, c), only(crosswalk))))
                .as("a step with a crosswalk and a step without").containsEntry("time", "not in questionnaire version 3")
                .containsEntry("money", "version 2 reworded MN-02 as MN-03");
    }
}
