package org.readiness.ruleset;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.readiness.scoring.RulesFixture;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.scoring.facts.Band;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Version 1 of the rules, exactly as deployed before version 2 (src/test/resources/rules-version-1, the rules folder of
 * commit ac84849 without its scenarios): results it stored still replay identically under the service as it is now,
 * and the findings of issue 17 against it are what version 2 answers.
 */
class RulesVersionOneTest {

    private static final Path VERSION_ONE = Path.of("src", "test", "resources", "rules-version-1");
    /** The version results scored before version 2 name: the digest of those very files. */
    private static final String DEPLOYED = RulesetCompiler.version(new TreeMap<>(RulesetCompiler.readFolder(VERSION_ONE)));
    private static final ScoringEngine ENGINE = new ScoringEngine();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    /** Every v1 item at 3, with "don't know" for the lead, senior governance and the lead's protected time. */
    private static Map<String, Object> unknownEssentials() {
        Map<String, Object> answers = new LinkedHashMap<>(RulesFixture.all(RulesFixture.version(1), 3));
        answers.put("DL-01", "DONT_KNOW");
        answers.put("GV-01", "DONT_KNOW");
        answers.put("PT-01", "DONT_KNOW");
        return answers;
    }

    @Test
    void aResultStoredUnderVersionOneReplaysIdenticallyFromItsFiles() throws Exception {
        Ruleset deployed = RulesFixture.compiler().compile(VERSION_ONE);
        assertThat(deployed.version()).isEqualTo(DEPLOYED);
        ScoreResult stored = ENGINE.score(deployed, RulesFixture.version(1), RulesFixture.given(unknownEssentials()));
        String storedJson = JSON.writeValueAsString(stored);

        // What replay does: rebuild the ruleset from the files kept under its version, and score the stored answers again.
        Map<String, String> kept = new TreeMap<>();
        deployed.files().forEach(f -> kept.put(f.path(), f.content()));
        Ruleset rebuilt = RulesFixture.compiler().compile(kept, "ruleset " + DEPLOYED.substring(0, 12));
        ScoreResult again = ENGINE.score(rebuilt, RulesFixture.version(1), RulesFixture.given(unknownEssentials()));

        assertThat(rebuilt.version()).isEqualTo(DEPLOYED);
        assertThat(JSON.writeValueAsString(again)).isEqualTo(storedJson);
        assertThat(storedJson).doesNotContain("\"owner\"").doesNotContain("\"horizon\"").doesNotContain("\"doneWhen\"");
    }

    @Test
    void whatVersionOneRatedEmbeddedWithNothingToDoVersionTwoHoldsBackAndSaysFindOut() {
        ScoreResult before = ENGINE.score(RulesFixture.compiler().compile(VERSION_ONE), RulesFixture.version(1),
                RulesFixture.given(unknownEssentials()));
        assertThat(before.overall().band()).isEqualTo(Band.EMBEDDED);
        assertThat(before.recommendations()).isEmpty();

        ScoreResult now = RulesFixture.score(RulesFixture.version(1), unknownEssentials(), null);
        assertThat(now.overall().band()).isEqualTo(Band.DEVELOPING);
        assertThat(now.overall().cappedBy()).contains("GATE-NO-LEAD", "GATE-NO-SENIOR-GOVERNANCE");
        assertThat(now.recommendations()).filteredOn(r -> r.priority() == 1)
                .extracting(ScoreResult.RankedRecommendation::id).containsOnly("REC-FIND-OUT-CRITICAL").hasSize(3);
    }
}
