package org.readiness.questionnaire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuestionnaireLoaderTest {

    private static final String VALID = """
            id: mini
            version: 2
            title: A small questionnaire
            scales:
              yes-no:
                points:
                  - {value: 0, label: "No", anchor: Not at all.}
                  - {value: 4, label: "Yes", anchor: Fully.}
            themes:
              - id: people
                title: People
                enablers:
                  - id: lead
                    title: A lead
                    source: Delivery personnel and collaboration > A dedicated lead
            items:
              - id: LD-01
                enabler: lead
                text: Is there a lead?
                weight: 2
                critical: true
                scale: yes-no
                anchors: {4: A lead is in post.}
                source: Delivery personnel and collaboration > A dedicated lead
              - id: LD-02
                enabler: lead
                text: Is the lead funded?
                scale: yes-no
                source: Delivery personnel and collaboration > A dedicated lead
            """;

    private final QuestionnaireLoader loader = new QuestionnaireLoader();

    @TempDir
    Path dir;

    @Test
    void aValidFileIsResolvedWithItemAnchorsOverTheScale() throws IOException {
        Questionnaire q = loader.load(write("mini-v2.yaml", VALID));
        assertThat(q.key()).isEqualTo("mini@2");
        Questionnaire.Item first = q.themes().get(0).enablers().get(0).items().get(0);
        assertThat(first.weight()).isEqualTo(2.0);
        assertThat(first.critical()).isTrue();
        assertThat(first.scale()).extracting(Questionnaire.ScalePoint::anchor).containsExactly("Not at all.", "A lead is in post.");
        Questionnaire.Item second = q.themes().get(0).enablers().get(0).items().get(1);
        assertThat(second.weight()).as("weight defaults to 1").isEqualTo(1.0);
        assertThat(second.allowNotApplicable()).isTrue();
    }

    @Test
    void duplicateIdsAreNamed() throws IOException {
        String twice = VALID.replace("id: LD-02", "id: LD-01");
        assertFaults(twice, "duplicate item id LD-01");
        assertFaults(VALID.replace("id: lead\n", "id: people\n").replace("enabler: lead", "enabler: people"), "duplicate id people");
    }

    @Test
    void anUnknownEnablerIsNamed() throws IOException {
        assertFaults(VALID.replace("enabler: lead\n    text: Is the lead funded?", "enabler: leed\n    text: Is the lead funded?"),
                "item LD-02: unknown enabler leed");
    }

    @Test
    void anEmptyScaleIsNamed() throws IOException {
        String empty = VALID.replace("""
                    points:
                      - {value: 0, label: "No", anchor: Not at all.}
                      - {value: 4, label: "Yes", anchor: Fully.}
                """, "    points: []\n");
        assertFaults(empty, "scale yes-no is empty");
    }

    @Test
    void weightsOfZeroOrLessAreNamed() throws IOException {
        assertFaults(VALID.replace("weight: 2", "weight: 0"), "item LD-01: weight must be greater than 0, found 0.0");
        assertFaults(VALID.replace("weight: 2", "weight: -1.5"), "item LD-01: weight must be greater than 0, found -1.5");
    }

    @Test
    void everyFaultIsListedAtOnceWithTheFileName() throws IOException {
        Path file = write("mini-v2.yaml", VALID.replace("weight: 2", "weight: 0").replace("scale: yes-no\n    source", "scale: nine\n    source")
                .replace("value: 4", "value: 7"));
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("weight must be greater than 0")
                .hasMessageContaining("unknown scale nine")
                .hasMessageContaining("whole-number value from 0 to 4, found 7");
    }

    @Test
    void anEnablerWithoutItemsAndAMissingSourceAreNamed() throws IOException {
        String noItems = VALID.replace("enabler: lead", "enabler: lead2").replace("""
                      - id: lead
                """, """
                      - id: lead2
                        title: Second
                        source: Somewhere
                      - id: lead
                """);
        assertFaults(noItems, "enabler lead has no items");
        assertFaults(VALID.substring(0, VALID.lastIndexOf("    source:")),
                "item LD-02 source (the report section it draws on) is required");
    }

    @Test
    void anUnknownFieldIsNamed() throws IOException {
        assertFaults(VALID.replace("weight: 2", "weight: 2\n    colour: red"), "Unrecognized field \"colour\"");
    }

    @Test
    void aPercentageScaleMapsPercentagesToPoints() throws IOException {
        String percentage = VALID.replace("    points:\n", "    type: percentage\n    points:\n")
                .replace("{value: 0, label", "{value: 0, from: 0, label").replace("{value: 4, label", "{value: 4, from: 50, label");
        Questionnaire q = loader.load(write("mini-v2.yaml", percentage));
        Questionnaire.Item item = q.themes().get(0).enablers().get(0).items().get(1);
        assertThat(item.type()).isEqualTo("percentage");
        assertThat(item.pointFor(0)).contains(0);
        assertThat(item.pointFor(49)).contains(0);
        assertThat(item.pointFor(50)).contains(4);
        assertThat(item.pointFor(100)).contains(4);
        assertThat(item.pointFor(101)).isEmpty();
        assertThat(item.pointFor(-1)).isEmpty();
    }

    @Test
    void percentageScaleFaultsAreNamed() throws IOException {
        String percentage = VALID.replace("    points:\n", "    type: percentage\n    points:\n");
        assertFaults(percentage.replace("{value: 0, label", "{value: 0, from: 0, label").replace("{value: 4, label", "{value: 4, from: 0, label"),
                "each point needs a 'from' from 0 to 100, rising with the point values");
        assertFaults(percentage.replace("{value: 0, label", "{value: 0, from: 5, label").replace("{value: 4, label", "{value: 4, from: 50, label"),
                "the first point of a percentage scale must start from 0");
        assertFaults(VALID.replace("{value: 0, label", "{value: 0, from: 0, label"), "'from' belongs only on a percentage scale");
        assertFaults(VALID.replace("    points:\n", "    type: stars\n    points:\n"), "unknown type stars");
    }

    @Test
    void theFileNameMustMatchIdAndVersion() throws IOException {
        Path file = write("other.yaml", VALID);
        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("file name must be mini-v2.yaml");
    }

    @Test
    void malformedYamlNamesTheLine() throws IOException {
        Path file = write("mini-v2.yaml", VALID.replace("title: A small questionnaire", "title: [unclosed"));
        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining(file.toString()).hasMessageContaining("line");
    }

    @Test
    void theSameIdAndVersionInTwoFilesIsRefused() throws IOException {
        write("mini-v2.yaml", VALID);
        write("mini-v2.yml", VALID);
        assertThatThrownBy(() -> loader.loadFolder(dir)).hasMessageContaining("is already defined in");
    }

    @Test
    void anEmptyFolderIsRefused() {
        assertThatThrownBy(() -> loader.loadFolder(dir)).hasMessageContaining("holds no .yaml file");
    }

    @Test
    void theShippedQuestionnairesLoad() {
        assertThat(loader.loadFolder(Path.of("questionnaires")))
                .anySatisfy(q -> assertThat(q.enablers().map(Questionnaire.Enabler::id))
                        .contains("dedicated-lead", "protected-time", "governance", "lived-experience"));
    }

    private void assertFaults(String yaml, String fault) throws IOException {
        Path file = write("mini-v2.yaml", yaml);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(QuestionnaireException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(fault);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
