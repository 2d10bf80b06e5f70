package org.readiness.scoring.facts;

/** How soon a next step can be done: within weeks by the people already involved, or over months with others. */
public enum Horizon {
    QUICK_WIN, LONGER_TERM
}
