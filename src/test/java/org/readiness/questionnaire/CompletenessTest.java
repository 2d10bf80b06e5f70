package org.readiness.questionnaire;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The completeness section of a questionnaire file: what a draft must answer before it can be submitted. */
class CompletenessTest {

    private static final String SMALL = """
            id: small
            version: 1
            title: Small
            scales:
              s:
                points:
                  - {value: 0, label: No}
                  - {value: 4, label: Yes}
            themes:
              - id: t
                title: T
                enablers:
                  - {id: e, title: E, source: S}
            items:
              - {id: AA-01, enabler: e, text: One, source: S, scale: s, critical: true}
              - {id: AA-02, enabler: e, text: Two, source: S, scale: s}
              - {id: AA-03, enabler: e, text: Three, source: S, scale: s}
            """;

    @Test
    void theShippedQuestionnaireRequiresItsCriticalItems() {
        Questionnaire q = new QuestionnaireLoader().load(Path.of("questionnaires", "nttp-readiness-v1.yaml"));
        assertEquals(List.of("DL-01", "GV-01", "PT-01"), q.completeness().required());
        assertEquals(List.of("GV-01", "PT-01"), q.completeness().missing(Set.of("DL-01", "DL-02")));
    }

    @Test
    void criticalItemsAndListedItemsAreRequiredInQuestionnaireOrder(@TempDir Path dir) throws Exception {
        Questionnaire q = load(dir, SMALL + "completeness:\n  critical: true\n  items: [AA-03]\n");
        assertEquals(List.of("AA-01", "AA-03"), q.completeness().required());
    }

    @Test
    void withoutTheSectionNothingIsRequired(@TempDir Path dir) throws Exception {
        assertEquals(List.of(), load(dir, SMALL).completeness().required());
    }

    @Test
    void anUnknownItemOrFieldIsAFaultOfTheFile(@TempDir Path dir) throws Exception {
        QuestionnaireException unknownItem = assertThrows(QuestionnaireException.class,
                () -> load(dir, SMALL + "completeness:\n  items: [AA-09]\n"));
        assertTrue(unknownItem.getMessage().contains("completeness: unknown item AA-09"), unknownItem.getMessage());
        QuestionnaireException unknownField = assertThrows(QuestionnaireException.class,
                () -> load(dir, SMALL + "completeness:\n  everything: true\n"));
        assertTrue(unknownField.getMessage().contains("everything"), unknownField.getMessage());
    }

    private static Questionnaire load(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("small-v1.yaml");
        Files.writeString(file, yaml);
        return new QuestionnaireLoader().load(file);
    }
}
