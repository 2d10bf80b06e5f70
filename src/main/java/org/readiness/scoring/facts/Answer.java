package org.readiness.scoring.facts;

import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.Questionnaire.Placement;

/**
 * One answered item. {@code value} (the 0-4 point) is set only for SCORED answers: a "not applicable" or
 * "don't know" answer carries no number, so no rule can mistake it for zero. {@code raw} is the answer as
 * given: the same as the point on an anchored scale, the percentage on a percentage scale.
 */
public record Answer(String question, String enabler, String theme, double weight, boolean critical,
                     AnswerKind kind, Double value, Integer raw) implements Subject {

    @Override
    public String subject() {
        return enabler;
    }

    /** @throws IllegalArgumentException for an answer the validator would have refused */
    public static Answer of(Placement placement, AnswerKind kind, Integer value) {
        Questionnaire.Item item = placement.item();
        Double point = value == null ? null : item.pointFor(value).map(Integer::doubleValue)
                .orElseThrow(() -> new IllegalArgumentException(value + " is not on the scale of " + item.id()));
        return new Answer(item.id(), placement.enabler().id(), placement.theme().id(), item.weight(), item.critical(),
                kind, point, value);
    }

    public String getQuestion() {
        return question;
    }

    public String getEnabler() {
        return enabler;
    }

    public String getTheme() {
        return theme;
    }

    public double getWeight() {
        return weight;
    }

    public boolean isCritical() {
        return critical;
    }

    public AnswerKind getKind() {
        return kind;
    }

    public Double getValue() {
        return value;
    }

    public Integer getRaw() {
        return raw;
    }

    public boolean isScored() {
        return kind == AnswerKind.SCORED;
    }

    @Override
    public String toString() {
        if (!isScored()) {
            return "Answer " + question + " = " + kind.name();
        }
        return "Answer " + question + " = " + value.intValue() + (raw.intValue() == value.intValue() ? "" : " (" + raw + "%)");
    }
}
