package org.readiness.scoring.facts;

/** What a rating rates. */
public enum Level {
    ENABLER, THEME, OVERALL
}
