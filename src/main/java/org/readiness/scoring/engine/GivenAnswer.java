package org.readiness.scoring.engine;

import org.readiness.scoring.facts.AnswerKind;

/** An answer that passed validation: a point on the item's scale, or NA / DON'T KNOW; evidence is free text. */
public record GivenAnswer(String question, AnswerKind kind, Integer value, String evidence) {
}
