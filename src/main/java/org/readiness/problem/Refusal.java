package org.readiness.problem;

/**
 * Marks a failure that is the service refusing what it was asked (a ruleset that cannot be used, say) rather than
 * the service failing. The activity log records such a failure as "refused" without knowing the area it comes from.
 */
public interface Refusal {
}
