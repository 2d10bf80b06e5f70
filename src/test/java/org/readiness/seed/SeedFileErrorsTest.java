package org.readiness.seed;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readiness.testing.Api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A seed is checked by the same services as a request; one they refuse stops the load and is stored not at all. */
@QuarkusTest
class SeedFileErrorsTest {

    @Inject
    DemoSeeds seeds;

    @Inject
    AgroalDataSource db;

    @Test
    void aRefusedAssessmentNamesFileAndProblemsAndLeavesNoPartOfItself(@TempDir Path folder) throws Exception {
        String code = Api.newCode();
        UUID id = UUID.randomUUID();
        Files.writeString(folder.resolve("broken.yaml"), """
                organisations:
                  - code: %s
                    name: Seeded council
                    type: LOCAL_AUTHORITY
                assessments:
                  - id: %s
                    organisation: %s
                    questionnaire: nttp-readiness
                    period: 2025-03
                    submitted: 2025-03-31T12:00:00Z
                    answers:
                      - question: DL-01
                        value: 7
                      - question: GV-01
                        value: NA
                """.formatted(code, id, code));
        long answers = Api.rows(db, "assessment_answer");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> seeds.load(folder));

        assertTrue(refused.getMessage().contains("broken.yaml"), refused.getMessage());
        assertTrue(refused.getMessage().contains("/answers/0/value") && refused.getMessage().contains("/answers/1/value"),
                refused.getMessage());
        Api.analyst().get("/api/v1/organisations/" + code).then().statusCode(200);
        Api.analyst().get("/api/v1/assessments/" + id).then().statusCode(404);
        assertEquals(answers, Api.rows(db, "assessment_answer"));
    }

    @Test
    void anUnknownFieldInASeedFileIsRefused(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("typo.yaml"), "organisations: []\nassesments: []\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> seeds.load(folder));
        assertTrue(refused.getMessage().contains("typo.yaml") && refused.getMessage().contains("assesments"),
                refused.getMessage());
    }
}
