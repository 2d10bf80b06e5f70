package org.readiness.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.assessment.AssessmentService.Submission;
import org.readiness.identity.Stamp;
import org.readiness.problem.ProblemException;
import org.readiness.scoring.ScoringMetrics;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Submitting a draft, for the API and the pages alike: the one place that settles a submit race and counts
 * submissions. Outside {@link AssessmentService}'s transactions, because the retry needs a transaction of its own.
 */
@ApplicationScoped
public class Submissions {

    @Inject
    AssessmentService assessments;

    @Inject
    ScoringMetrics metrics;

    /**
     * Submits {@code id} as {@link AssessmentService#submit(UUID, Optional, Stamp, Consumer)} does, {@code access}
     * (the organisation check, which refuses by throwing) first in the same transaction.
     */
    public Submission submit(UUID id, Optional<Set<Long>> ifMatch, Stamp stamp, Consumer<UUID> access) {
        Submission submission;
        try {
            submission = assessments.submit(id, ifMatch, stamp, access);
        } catch (ProblemException e) {
            // Two submits raced: the loser's version check failed because the winner submitted. Both asked
            // for the same thing, so the loser gets the stored result too.
            if (e.status() == 409 && assessments.isSubmitted(id)) {
                submission = assessments.submit(id, Optional.empty(), stamp);
            } else {
                throw e;
            }
        }
        metrics.submitted(submission.created() ? "stored" : "repeat");
        return submission;
    }
}
