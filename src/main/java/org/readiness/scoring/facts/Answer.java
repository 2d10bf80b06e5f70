package org.readiness.scoring.facts;

import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.Questionnaire.Placement;
import org.readiness.scoring.GivenAnswer;

/**
 * One answered item. {@code value} is set only for SCORED answers: a "not applicable" or "don't know"
 * answer carries no number, so no rule can mistake it for zero.
 */
public record Answer(String question, String enabler, String theme, double weight, boolean critical,
                     AnswerKind kind, Double value) {

    public static Answer of(Placement placement, GivenAnswer given) {
        Questionnaire.Item item = placement.item();
        return new Answer(item.id(), placement.enabler().id(), placement.theme().id(), item.weight(), item.critical(),
                given.kind(), given.value() == null ? null : given.value().doubleValue());
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

    public boolean isScored() {
        return kind == AnswerKind.SCORED;
    }

    @Override
    public String toString() {
        return "Answer " + question + " = " + (isScored() ? String.valueOf(value.intValue()) : kind.name());
    }
}
