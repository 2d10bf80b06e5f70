package org.readiness.assessment;

import org.readiness.scoring.facts.Scope;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.readiness.assessment.AssessmentViews.AssessmentView;
import org.readiness.audit.AuditLog;
import org.readiness.identity.Stamp;
import org.readiness.organisation.Organisation;
import org.readiness.persistence.Conflicts;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireCatalog;
import org.readiness.scoring.engine.AnswerUpdate;
import org.readiness.scoring.engine.AnswerValidator;
import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.ScoringService;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The assessment lifecycle. Each public method is one transaction: a request is checked in full before
 * anything is written, and a write that fails part-way leaves nothing behind.
 */
@ApplicationScoped
public class AssessmentService {

    /** The order a new draft's problems are listed in: its fields' order, as one pass over the body found them. */
    private static final List<List<String>> CREATE_ORDER = List.of(List.of("organisation"),
            List.of("version", "questionnaire"), List.of("scope"), List.of("period"));
    private static final String RACED = "The assessment was changed by another request at the same time; "
            + "read it again (GET) and repeat the change";

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    ScoringService scoring;

    @Inject
    ResultStore results;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private final AnswerValidator validator = new AnswerValidator();

    /** The stored result of a submission, and whether this call stored it. */
    public record Submission(String json, boolean created) {
    }

    /**
     * Starts a draft from a request as read. An unknown organisation or questionnaire is a problem in the body (400
     * with a pointer), not a missing resource; it is reported with every problem met reading the body.
     */
    @Transactional
    public AssessmentView create(NewAssessment request, UUID id, Stamp stamp) {
        List<Violation> problems = new ArrayList<>(request.problems());
        String code = request.organisation();
        Optional<Organisation> organisation = code == null ? Optional.empty() : Organisation.findByCode(code);
        if (code != null && organisation.isEmpty()) {
            problems.add(new Violation("/organisation", "no organisation " + RequestBody.abbreviate(code)));
        }
        Optional<Questionnaire> questionnaire = scoring.questionnaire(request.questionnaire(), problems);
        AssessmentRequests.notToCome(request.period(), LocalDate.now(clock), problems);
        RequestBody.refuseAny(RequestBody.inFieldOrder(problems, CREATE_ORDER), "organisation, questionnaire and period",
                "the assessment");
        String scope = request.scope();
        String period = request.period();
        Assessment a = new Assessment();
        a.id = id;
        a.organisation = organisation.orElseThrow();
        a.scope = scope;
        a.questionnaireId = questionnaire.orElseThrow().id();
        a.questionnaireVersion = questionnaire.orElseThrow().version();
        a.period = period;
        a.status = AssessmentStatus.DRAFT;
        a.createdBy = stamp.by();
        a.createdAt = stamp.at();
        a.updatedAt = stamp.at();
        Conflicts.write("An assessment with id " + id + " exists already", () -> {
            a.persist();
            Panache.getEntityManager().flush();
            return a;
        });
        AssessmentView created = AssessmentView.of(a, null);
        audit.append("assessment.create", target(id), null, created, stamp);
        return created;
    }

    /**
     * Merges answers into a draft: each answer sent replaces what its question held (value and evidence);
     * questions not sent keep theirs. Answers are checked exactly as for what-if scoring, once the draft is known
     * to be open to change (404 and 409 come before any problem in the answers).
     */
    @Transactional
    public AssessmentView saveAnswers(UUID id, Optional<Set<Long>> ifMatch, AnswerUpdate update, Stamp stamp) {
        Assessment a = editableDraft(id, ifMatch);
        AssessmentView before = AssessmentView.of(a, null);
        List<Violation> problems = new ArrayList<>();
        List<GivenAnswer> given = validator.validate(questionnaire(a), update, "/answers", problems);
        RequestBody.refuseAny(problems, "answers", "the answers");
        // An answer identical to the stored one changes nothing: a save of only such answers writes no row and no audit entry.
        List<GivenAnswer> changes = given.stream()
                .filter(answer -> !answer.equals(a.answer(answer.question()).map(AssessmentAnswer::given).orElse(null)))
                .toList();
        if (!changes.isEmpty()) {
            Conflicts.write(RACED, () -> {
                claim(a, stamp);
                for (GivenAnswer answer : changes) {
                    a.answer(answer.question()).ifPresentOrElse(stored -> stored.set(answer), () -> {
                        AssessmentAnswer added = new AssessmentAnswer();
                        added.assessment = a;
                        added.question = answer.question();
                        added.set(answer);
                        a.answers.add(added);
                    });
                }
                return a;
            });
            AssessmentView after = AssessmentView.of(a, null);
            audit.append("assessment.answers.put", target(id), before, after, stamp);
            return after;
        }
        return AssessmentView.of(a, null);
    }

    /** Removes the answer to one question of a draft, so that it counts as unanswered again. */
    @Transactional
    public AssessmentView removeAnswer(UUID id, String question, Optional<Set<Long>> ifMatch, Stamp stamp) {
        Assessment a = editableDraft(id, ifMatch);
        AssessmentView before = AssessmentView.of(a, null);
        AssessmentAnswer answer = a.answer(question).orElseThrow(() -> ProblemException.notFound(
                "Assessment " + id + " has no answer to question " + RequestBody.abbreviate(question)));
        Conflicts.write(RACED, () -> {
            claim(a, stamp);
            a.answers.remove(answer);
            return a;
        });
        Panache.getEntityManager().flush();
        AssessmentView after = AssessmentView.of(a, null);
        audit.append("assessment.answers.delete", target(id) + "/answers/" + question, before, after, stamp);
        return after;
    }

    /**
     * Checks completeness, scores under the active ruleset and stores the result together with the status
     * change. A submitted assessment returns its stored result and writes nothing, whatever If-Match says.
     */
    @Transactional
    public Submission submit(UUID id, Optional<Set<Long>> ifMatch, Stamp stamp) {
        return submit(id, ifMatch, stamp, unchecked -> {
        });
    }

    /**
     * As {@link #submit(UUID, Optional, Stamp)}, with {@code access} (the API's organisation check, which refuses
     * by throwing) run first in the same transaction: the assessment it reads is then the one submitted, read once.
     */
    @Transactional
    public Submission submit(UUID id, Optional<Set<Long>> ifMatch, Stamp stamp, Consumer<UUID> access) {
        access.accept(id);
        Assessment a = find(id);
        if (a.submitted()) {
            return new Submission(storedResult(a).json, false);
        }
        requireVersion(a, ifMatch);
        Questionnaire questionnaire = questionnaire(a);
        List<String> missing = questionnaire.completeness()
                .missing(a.answers.stream().map(x -> x.question).collect(Collectors.toSet()));
        if (!missing.isEmpty()) {
            throw new ProblemException(422, "incomplete-assessment", "The assessment is not complete",
                    "Answer every required question before submitting (\"DONT_KNOW\" counts as an answer); "
                            + missing.size() + " missing", missing.stream()
                    .map(q -> new Violation(q, "required question not answered: "
                            + questionnaire.itemsById().get(q).item().text()))
                    .toList());
        }
        ScoreResult score = scoring.score(questionnaire, a.answers.stream().map(AssessmentAnswer::given).toList(),
                Scope.of(a.scope));
        AssessmentView before = AssessmentView.of(a, null);
        String json = Conflicts.write(RACED, () -> {
            a.status = AssessmentStatus.SUBMITTED;
            a.submittedBy = stamp.by();
            a.submittedAt = stamp.at();
            claim(a, stamp);
            return results.store(a, score, stamp.at());
        });
        audit.append("assessment.submit", target(id), before,
                Map.of("assessment", AssessmentView.of(a, null), "result", json), stamp);
        return new Submission(json, true);
    }

    @Transactional
    public AssessmentView get(UUID id) {
        Assessment a = find(id);
        return AssessmentView.of(a, a.submitted() ? storedResult(a) : null);
    }

    /** The stored result as first written; 404 while the assessment is a draft. */
    @Transactional
    public String result(UUID id) {
        Assessment a = find(id);
        if (!a.submitted()) {
            throw ProblemException.notFound("Assessment " + id + " is a draft: it has no result until it is submitted");
        }
        return storedResult(a).json;
    }

    @Transactional
    public boolean isSubmitted(UUID id) {
        return find(id).submitted();
    }

    /** A submitted assessment as stored, for replay, explanation and impact analysis. */
    public record Stored(UUID id, String organisation, String organisationName, String scope, String period,
                         Questionnaire questionnaire, List<GivenAnswer> answers, String resultJson, String rulesetVersion) {
    }

    /** The stored answers and result of a submitted assessment; 404 for a draft, which has no result yet. */
    @Transactional
    public Stored stored(UUID id) {
        Assessment a = find(id);
        if (!a.submitted()) {
            throw ProblemException.notFound("Assessment " + id + " is a draft: it has no result until it is submitted");
        }
        AssessmentResult result = storedResult(a);
        return new Stored(a.id, a.organisation.code, a.organisation.name, a.scope, a.period, questionnaire(a),
                a.answers.stream().map(AssessmentAnswer::given).toList(), result.json, result.rulesetVersion);
    }

    private static String target(UUID id) {
        return "assessment/" + id;
    }

    private Assessment find(UUID id) {
        return Assessment.<Assessment>findByIdOptional(id).orElseThrow(() -> AssessmentRequests.notFound(id));
    }

    private Assessment editableDraft(UUID id, Optional<Set<Long>> ifMatch) {
        Assessment a = find(id);
        if (a.submitted()) {
            throw Conflicts.conflict("Assessment " + id + " was submitted on " + a.submittedAt
                    + "; a submitted assessment and its result never change. Start a new assessment instead.");
        }
        requireVersion(a, ifMatch);
        return a;
    }

    private static void requireVersion(Assessment a, Optional<Set<Long>> ifMatch) {
        if (ifMatch.isPresent() && !ifMatch.get().contains(a.version)) {
            throw Conflicts.conflict("Assessment " + a.id + " is at version \"" + a.version + "\", not "
                    + ifMatch.get().stream().map(v -> "\"" + v + "\"").sorted().collect(Collectors.joining(", "))
                    + ": it was changed since you read it. Read it again (GET) and repeat the change.");
        }
    }

    /**
     * Locks and writes the assessment row first, with its version check, so that of two concurrent writers the second
     * waits on the row and then fails on the version, before it has written any answer. The lock (select for update,
     * checking the version read) is taken before the update: under load H2 let a writer that had waited on the row
     * update it as if its version still held, so two acknowledged writes moved the version on by one.
     */
    private static void claim(Assessment a, Stamp stamp) {
        Panache.getEntityManager().lock(a, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        a.updatedAt = stamp.at();
        Panache.getEntityManager().flush();
    }

    private Questionnaire questionnaire(Assessment a) {
        return catalog.find(a.questionnaireId, a.questionnaireVersion).orElseThrow(() -> new IllegalStateException(
                "Assessment " + a.id + " uses questionnaire " + a.questionnaireId + " version "
                        + a.questionnaireVersion + ", which is no longer in the questionnaires folder"));
    }

    private AssessmentResult storedResult(Assessment a) {
        return results.find(a.id).orElseThrow(() -> new IllegalStateException(
                "Assessment " + a.id + " is submitted but has no stored result"));
    }
}
