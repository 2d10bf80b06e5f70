package org.readiness.scoring.facts;

/**
 * Readiness bands, lowest first. The score each starts at is in rules/scoring/bands.yaml (read as {@link Conventions})
 * and the rules that assign them in rules/scoring/bands.drl; the cut-offs are conventions for comparing sites, not
 * validated thresholds.
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
