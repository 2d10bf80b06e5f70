package org.readiness.assessment;

/** An assessment is edited as a draft; once submitted it and its result never change. */
public enum AssessmentStatus {
    DRAFT, SUBMITTED
}
