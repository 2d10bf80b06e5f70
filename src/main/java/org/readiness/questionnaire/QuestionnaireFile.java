package org.readiness.questionnaire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/** The shape of a file under questionnaires/, as written by its authors (see docs/questionnaire-format.md). */
@JsonIgnoreProperties(ignoreUnknown = false)
record QuestionnaireFile(String id, Integer version, String title, String description, String source,
                         Map<String, ScaleFile> scales, List<ThemeFile> themes, List<ItemFile> items,
                         CompletenessFile completeness) {

    /** {@code type} is "anchored" (the default) or "percentage"; see docs/questionnaire-format.md. */
    record ScaleFile(String title, String type, List<PointFile> points) {
    }

    /** {@code from}: on a percentage scale, the lowest percentage that earns this point. */
    record PointFile(Integer value, Integer from, String label, String anchor) {
    }

    record ThemeFile(String id, String title, String source, List<EnablerFile> enablers) {
    }

    /** {@code weight}: the enabler's weight in its theme's mean (1 when absent); any other weight needs a {@code weightReason}. */
    record EnablerFile(String id, String title, String summary, String source, Double weight, String weightReason) {
    }

    /** {@code anchors} maps a scale value to wording specific to this item; unmapped values keep the scale's. */
    record ItemFile(String id, String enabler, String text, String guidance, Double weight, String weightReason,
                    Boolean critical, Boolean allowNotApplicable, String scale, Map<Integer, String> anchors, String source) {
    }

    /** What a draft must hold before it can be submitted; absent means nothing is required. */
    record CompletenessFile(Boolean critical, List<String> items) {
    }
}
