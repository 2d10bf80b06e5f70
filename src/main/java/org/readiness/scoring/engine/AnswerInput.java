package org.readiness.scoring.engine;

import org.readiness.problem.Violation;
import org.readiness.scoring.facts.AnswerKind;

import java.util.List;

/**
 * One answer as sent, read for its types but not yet checked against a questionnaire (see {@link AnswerValidator}).
 * A {@code null} question or kind is one that could not be read: the problem is among its {@link AnswerUpdate}'s.
 * The reading rules shared by every sender (a JSON body, a form) are here, so that each says the same thing.
 */
public record AnswerInput(String question, AnswerKind kind, Integer value, String evidence) {

    public static final String NOT_APPLICABLE = "NA";
    public static final String DONT_KNOW = "DONT_KNOW";
    public static final int MAX_EVIDENCE_LENGTH = 5_000;
    public static final String VALUE_REQUIRED = "required: a number on the item's scale, \"NA\" or \"DONT_KNOW\"";

    /** An answer that could not be read at all (not an object): it keeps its place, so later indexes stay right. */
    public static final AnswerInput UNREADABLE = new AnswerInput(null, null, null, null);

    public static AnswerInput scored(String question, int value, String evidence) {
        return new AnswerInput(question, AnswerKind.SCORED, value, evidence);
    }

    /** A value sent as text: "NA" or "DONT_KNOW"; anything else (a number too) is a problem at {@code at}, and null. */
    public static AnswerKind textValue(String text, String at, List<Violation> problems) {
        if (DONT_KNOW.equals(text)) {
            return AnswerKind.DONT_KNOW;
        }
        if (NOT_APPLICABLE.equals(text)) {
            return AnswerKind.NOT_APPLICABLE;
        }
        problems.add(new Violation(at, "must be a number on the item's scale, \"NA\" or \"DONT_KNOW\"; a number must not be sent as text"));
        return null;
    }

    /** Evidence as sent, or null with a problem at {@code at} when it is too long to keep. */
    public static String evidence(String text, String at, List<Violation> problems) {
        if (text.length() > MAX_EVIDENCE_LENGTH) {
            problems.add(new Violation(at, "must be at most " + MAX_EVIDENCE_LENGTH + " characters, found " + text.length()));
            return null;
        }
        return text;
    }
}
