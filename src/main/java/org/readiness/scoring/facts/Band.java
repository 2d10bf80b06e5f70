package org.readiness.scoring.facts;

/**
 * Readiness bands on the 0-4 mean. The cut-offs that assign them live in rules/scoring/bands.drl;
 * they are conventions for comparing sites, not validated thresholds.
 * {@code INSUFFICIENT_EVIDENCE} is not on the ladder: it says too few items were answered to rate.
 */
public enum Band {
    INSUFFICIENT_EVIDENCE, GETTING_STARTED, DEVELOPING, ESTABLISHED, EMBEDDED;

    public boolean onLadder() {
        return this != INSUFFICIENT_EVIDENCE;
    }

    /** True when this band is a rung higher than {@code other}; never for INSUFFICIENT_EVIDENCE. */
    public boolean isAbove(Band other) {
        return onLadder() && other.onLadder() && ordinal() > other.ordinal();
    }

    public static Band lower(Band a, Band b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
