package org.readiness.scoring.facts;

/** A number on the item's scale, or one of the two answers that count as missing, never as zero. */
public enum AnswerKind {
    SCORED, NOT_APPLICABLE, DONT_KNOW
}
