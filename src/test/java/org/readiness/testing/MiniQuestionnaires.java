package org.readiness.testing;

import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small questionnaire files for plain JUnit tests of what spans versions (crosswalks, comparability). A version is
 * written from a one-line outline, enablers separated by ";", an enabler's weight and an item's weight after "*":
 * {@code "lead*3: LD-01*2, LD-02; time: TM-01"}.
 */
public final class MiniQuestionnaires {

    public static final String ID = "mini";

    private MiniQuestionnaires() {
    }

    /** Writes {@code mini-v<version>.yaml} into {@code dir} and returns its path. */
    public static Path write(Path dir, int version, String outline) {
        StringBuilder enablers = new StringBuilder();
        StringBuilder items = new StringBuilder();
        for (String part : outline.split(";")) {
            String[] enabler = part.split(":");
            String[] name = enabler[0].trim().split("\\*");
            enablers.append("      - {id: ").append(name[0]).append(", title: ").append(name[0])
                    .append(", source: Somewhere").append(weight(name)).append("}\n");
            for (String item : enabler[1].split(",")) {
                String[] id = item.trim().split("\\*");
                items.append("  - {id: ").append(id[0]).append(", enabler: ").append(name[0])
                        .append(", text: Question ").append(id[0]).append(", scale: yes-no, source: Somewhere")
                        .append(weight(id)).append("}\n");
            }
        }
        String yaml = "id: " + ID + "\nversion: " + version + "\ntitle: A small questionnaire\n"
                + "scales:\n  yes-no:\n    points:\n      - {value: 0, label: \"No\"}\n      - {value: 4, label: \"Yes\"}\n"
                + "themes:\n  - id: things\n    title: Things\n    enablers:\n" + enablers + "items:\n" + items;
        try {
            return Files.writeString(dir.resolve(ID + "-v" + version + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes and loads a version. */
    public static Questionnaire load(Path dir, int version, String outline) {
        return new QuestionnaireLoader().load(write(dir, version, outline));
    }

    private static String weight(String[] nameAndWeight) {
        return nameAndWeight.length < 2 ? "" : ", weight: " + nameAndWeight[1] + ", weightReason: For the test";
    }
}
