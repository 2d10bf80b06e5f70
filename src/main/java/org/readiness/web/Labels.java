package org.readiness.web;

import io.quarkus.qute.TemplateExtension;
import org.readiness.assessment.AssessmentStatus;
import org.readiness.scoring.facts.Band;

import java.util.Locale;

/**
 * How values read on the pages: bands and statuses in words, with the GOV.UK tag colour of each. Called as
 * {fmt:words(band)} and so on: a namespace function, unlike a property, is also called for a null value.
 */
@TemplateExtension(namespace = "fmt")
public final class Labels {

    private Labels() {
    }

    /** "Getting started", "Insufficient evidence". */
    static String words(Band band) {
        if (band == null) {
            return "Not rated";
        }
        String w = band.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** GOV.UK tag modifier; each colour pair meets the contrast the design system sets for its tags. */
    static String tag(Band band) {
        if (band == null) {
            return "govuk-tag--grey";
        }
        return switch (band) {
            case INSUFFICIENT_EVIDENCE -> "govuk-tag--grey";
            case GETTING_STARTED -> "govuk-tag--orange";
            case DEVELOPING -> "govuk-tag--yellow";
            case ESTABLISHED -> "govuk-tag--blue";
            case EMBEDDED -> "govuk-tag--green";
        };
    }

    static String words(AssessmentStatus status) {
        return status == AssessmentStatus.SUBMITTED ? "Submitted" : "Draft";
    }

    static String tag(AssessmentStatus status) {
        return status == AssessmentStatus.SUBMITTED ? "govuk-tag--green" : "govuk-tag--grey";
    }

    /** A score on the 0-4 scale with two decimals, or a dash when there is none. */
    static String score(Double score) {
        return score == null ? "–" : String.format(Locale.ROOT, "%.2f", score);
    }

    /** A change of score with its sign. */
    static String signed(Double change) {
        return change == null ? "–" : String.format(Locale.ROOT, "%+.2f", change);
    }
}
