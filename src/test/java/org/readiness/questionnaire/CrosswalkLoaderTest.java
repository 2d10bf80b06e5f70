package org.readiness.questionnaire;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readiness.testing.MiniQuestionnaires;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The crosswalk files of questionnaires/crosswalks/: the real one loads, and each kind of fault is named with its file. */
class CrosswalkLoaderTest {

    private static final String VALID = """
            questionnaire: mini
            from: 1
            to: 2
            items:
              - {item: LD-01, kind: same, from: [LD-01]}
              - {item: LD-04, kind: split, from: [LD-02], note: The first half.}
              - {item: LD-05, kind: split, from: [LD-02], note: The second half.}
              - {item: LD-06, kind: merged, from: [LD-03, TM-02], note: Two questions become one.}
              - {item: TM-01, kind: same, from: [TM-01]}
              - {item: TM-03, kind: new, from: [], note: Asked for the first time.}
              - {item: TM-05, kind: reworded, from: [TM-04], note: Narrowed to one idea.}
            retired:
              - {item: LD-02, into: [LD-04, LD-05], note: Split in two.}
              - {item: LD-03, into: [LD-06], note: Merged with TM-02.}
              - {item: TM-02, into: [LD-06], note: Merged with LD-03.}
              - {item: TM-04, into: [TM-05], note: Reworded.}
              - {item: TM-06, into: [], note: Dropped.}
            """;
    private static final String FILE = "mini-v1-to-v2.yaml";

    private final CrosswalkLoader loader = new CrosswalkLoader();

    @TempDir
    Path dir;

    private List<Questionnaire> versions;

    @BeforeEach
    void twoVersions() {
        versions = List.of(
                MiniQuestionnaires.load(dir, 1, "lead: LD-01, LD-02, LD-03; time: TM-01, TM-02, TM-04, TM-06"),
                MiniQuestionnaires.load(dir, 2, "lead: LD-01, LD-04, LD-05, LD-06; time: TM-01, TM-03, TM-05"));
    }

    @Test
    void theRealCrosswalkLoadsAndTheQuestionnaireLoaderIgnoresItsFolder() {
        List<Questionnaire> real = new QuestionnaireLoader().loadFolder(Path.of("questionnaires"));
        assertThat(real).extracting(Questionnaire::key).contains("nttp-readiness@1", "nttp-readiness@2");
        List<Crosswalk> crosswalks = loader.loadFolder(Path.of("questionnaires", QuestionnaireCatalog.CROSSWALKS), real);
        assertThat(crosswalks).extracting(Crosswalk::key).containsExactly("nttp-readiness@1->2");
        Crosswalk c = crosswalks.get(0);
        assertThat(c.keeps("SL-01")).isTrue();
        assertThat(c.keeps("DL-06")).isFalse();
        assertThat(c.entry("DL-06").orElseThrow().from()).containsExactly("DL-03", "SB-05");
        assertThat(c.entry("DL-09").orElseThrow().kind()).isEqualTo(Crosswalk.NEW);
        assertThat(c.retirement("IS-03").orElseThrow().into()).isEmpty();
        assertThat(c.items()).hasSize((int) real.stream().filter(q -> q.key().equals("nttp-readiness@2")).findFirst()
                .orElseThrow().placements().count());
    }

    @Test
    void aValidFileIsReadAsWritten() throws IOException {
        Crosswalk c = loader.load(write(FILE, VALID), versions);
        assertThat(c.key()).isEqualTo("mini@1->2");
        assertThat(c.items()).extracting(Crosswalk.Entry::item).containsExactly("LD-01", "LD-04", "LD-05", "LD-06", "TM-01", "TM-03", "TM-05");
        assertThat(c.entry("TM-03").orElseThrow().from()).isEmpty();
        assertThat(c.retirement("LD-02").orElseThrow().into()).containsExactly("LD-04", "LD-05");
        assertThat(c.keeps("TM-01")).isTrue();
        assertThat(loader.loadFolder(dir.resolve("none"), versions)).as("no folder, no crosswalks").isEmpty();
    }

    @Test
    void unknownKeysAndMalformedYamlAreFaults() throws IOException {
        assertFaults(FILE, "comment: hello\n" + VALID, "Unrecognized field \"comment\"");
        assertFaults(FILE, VALID.replace("note: Dropped.", "notes: Dropped."), "Unrecognized field \"notes\"", "(line 17)");
        assertFaults(FILE, VALID.replace("from: 1", "from: [1"), "line");
        assertFaults(FILE, "", "the file is empty");
    }

    @Test
    void aKindMustBeOneOfTheFive() throws IOException {
        assertFaults(FILE, VALID.replace("kind: reworded", "kind: renamed"),
                "item TM-05: kind must be one of same, reworded, split, merged, new; found renamed");
    }

    @Test
    void everyItemOfTheLaterVersionAppearsExactlyOnce() throws IOException {
        assertFaults(FILE, VALID.replace("  - {item: TM-03, kind: new, from: [], note: Asked for the first time.}\n", ""),
                "item TM-03 of version 2 is missing from items");
        assertFaults(FILE, VALID.replace("  - {item: TM-01, kind: same, from: [TM-01]}\n",
                "  - {item: TM-01, kind: same, from: [TM-01]}\n  - {item: TM-01, kind: same, from: [TM-01]}\n"),
                "item TM-01 appears more than once in items");
        assertFaults(FILE, VALID.replace("{item: TM-03, kind: new", "{item: TM-09, kind: new"),
                "item TM-09 is not an item of version 2", "item TM-03 of version 2 is missing from items");
    }

    @Test
    void everyItemOfTheEarlierVersionIsKeptAsSameOrRetiredExactlyOnce() throws IOException {
        assertFaults(FILE, VALID.replace("  - {item: TM-06, into: [], note: Dropped.}\n", ""),
                "item TM-06 of version 1 is neither kept as same nor retired");
        assertFaults(FILE, VALID + "  - {item: LD-01, into: [], note: Both.}\n",
                "retired LD-01 is also kept as same: an item is either kept or retired");
        assertFaults(FILE, VALID + "  - {item: TM-06, into: [], note: Twice.}\n", "retired TM-06 appears more than once in retired");
        assertFaults(FILE, VALID + "  - {item: ZZ-01, into: [], note: Unknown.}\n", "retired ZZ-01 is not an item of version 1");
    }

    @Test
    void sameMeansTheSameIdInBothVersions() throws IOException {
        assertFaults(FILE, VALID.replace("{item: TM-01, kind: same, from: [TM-01]}", "{item: TM-01, kind: same, from: [TM-06]}"),
                "item TM-01 (same): same means the same id in both versions, so from must be [TM-01], found [TM-06]");
        assertFaults(FILE, VALID.replace("{item: LD-01, kind: same, from: [LD-01]}",
                        "{item: LD-01, kind: reworded, from: [LD-03], note: Changed.}"),
                "item LD-01 is reworded, but LD-01 is also an item of version 1: an item id means the same question in every version");
    }

    @Test
    void eachKindHasItsShape() throws IOException {
        assertFaults(FILE, VALID.replace("from: [LD-03, TM-02]", "from: [LD-03]"),
                "item LD-06 (merged): from must name two or more items of version 1, found [LD-03]");
        assertFaults(FILE, VALID.replace("kind: new, from: []", "kind: new, from: [TM-06]"),
                "item TM-03 (new): a new item comes from no item, found [TM-06]");
        assertFaults(FILE, VALID.replace("from: [TM-04]", "from: [TM-04, TM-06]"),
                "item TM-05 (reworded): from must name exactly one item of version 1 with another id, found [TM-04, TM-06]");
        assertFaults(FILE, VALID.replace("{item: LD-05, kind: split, from: [LD-02]", "{item: LD-05, kind: new, from: []"),
                "item LD-04 (split): LD-02 is split, so at least two items must come from it");
        assertFaults(FILE, VALID.replace(", note: Narrowed to one idea.", ""), "item TM-05: a note is required");
        assertFaults(FILE, VALID.replace(", note: Dropped.", ""), "retired TM-06: a note is required");
    }

    @Test
    void idsMustExistInTheRightVersion() throws IOException {
        assertFaults(FILE, VALID.replace("from: [LD-03, TM-02]", "from: [LD-03, TM-02, TM-03]"),
                "item LD-06: from TM-03 is not an item of version 1");
        assertFaults(FILE, VALID.replace("into: [TM-05]", "into: [TM-04]"),
                "retired TM-04: into TM-04 is not an item of version 2",
                "retired TM-04: into [TM-04] must name exactly the items whose from lists TM-04, which are [TM-05]");
    }

    @Test
    void retiredIntoAgreesWithTheItemsThatTakeFromIt() throws IOException {
        assertFaults(FILE, VALID.replace("into: [LD-04, LD-05]", "into: [LD-04]"),
                "retired LD-02: into [LD-04] must name exactly the items whose from lists LD-02, which are [LD-04, LD-05]");
        assertFaults(FILE, VALID.replace("{item: TM-05, kind: reworded, from: [TM-04]", "{item: TM-05, kind: reworded, from: [TM-01]")
                        .replace("into: [TM-05]", "into: []"),
                "item TM-01 is kept as same and is also the source of [TM-05]");
    }

    @Test
    void bothVersionsMustBeLoadedAndTheFileNamedAfterThem() throws IOException {
        assertFaults("mini-v1-to-v3.yaml", VALID.replace("to: 2", "to: 3"), "questionnaire mini version 3 is not loaded");
        assertFaults("other-v1-to-v2.yaml", VALID.replace("questionnaire: mini", "questionnaire: other"),
                "questionnaire other version 1 is not loaded", "questionnaire other version 2 is not loaded");
        assertFaults("mini-1-2.yaml", VALID, "file name must be mini-v1-to-v2.yaml");
        assertFaults("mini-v2-to-v1.yaml", VALID.replace("from: 1", "from: 9").replace("to: 2", "to: 1"),
                "from (9) must be an earlier version than to (1)");
    }

    @Test
    void aFaultStopsTheStartLikeAQuestionnaireFault() throws IOException {
        Path folder = Files.createDirectories(dir.resolve(QuestionnaireCatalog.CROSSWALKS));
        Files.writeString(folder.resolve(FILE), VALID.replace("kind: merged", "kind: joined"));
        assertThatThrownBy(() -> loader.loadFolder(folder, versions)).isInstanceOf(QuestionnaireException.class)
                .hasMessageStartingWith("Crosswalk " + folder.resolve(FILE) + " is not valid:");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private void assertFaults(String name, String text, String... faults) throws IOException {
        Path file = write(name, text);
        var thrown = assertThatThrownBy(() -> loader.load(file, versions)).isInstanceOf(CrosswalkException.class)
                .hasMessageContaining(file.toString());
        for (String fault : faults) {
            thrown.hasMessageContaining(fault);
        }
        Files.delete(file);
    }
}
