package org.readiness.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import org.readiness.problem.Paging;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.scoring.AnswerReader;
import org.readiness.scoring.engine.AnswerUpdate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads what the assessment API is sent: path ids, If-Match, list parameters, the answers body, period. */
public final class AssessmentRequests {

    private static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private AssessmentRequests() {
    }

    /** The filters and page of {@code GET /assessments}. */
    public record ListQuery(String organisation, AssessmentStatus status, int page, int size) {
    }

    /** A path id that is not a UUID names no assessment: 404, the same as an unknown one. */
    public static UUID id(String text) {
        if (text == null || !text.matches(UUID_PATTERN)) {
            throw notFound(text);
        }
        return UUID.fromString(text);
    }

    public static ProblemException notFound(Object id) {
        return ProblemException.notFound("No assessment " + RequestBody.abbreviate(String.valueOf(id)));
    }

    /**
     * The versions an {@code If-Match} header accepts; empty when the header is absent or "*" (any version).
     * Versions travel as strong ETags, "3".
     */
    public static Optional<Set<Long>> ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return Optional.empty();
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (!t.matches("\"[0-9]{1,18}\"")) {
                throw ProblemException.invalid("If-Match must list ETags as sent by GET, such as \"3\"",
                        List.of(new Violation("If-Match", "not an ETag of this API: " + RequestBody.abbreviate(t))));
            }
            versions.add(Long.parseLong(t.substring(1, t.length() - 1)));
        }
        return Optional.of(versions);
    }

    public static ListQuery listQuery(String organisation, String status, String page, String size) {
        List<Violation> problems = new ArrayList<>();
        AssessmentStatus parsedStatus = null;
        if (status != null && !status.isEmpty()) {
            try {
                parsedStatus = AssessmentStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("status", "must be DRAFT or SUBMITTED; found " + RequestBody.abbreviate(status)));
            }
        }
        int parsedPage = Paging.number(page, "page", 0, 0, Integer.MAX_VALUE, problems);
        int parsedSize = Paging.number(size, "size", Paging.DEFAULT_PAGE_SIZE, 1, Paging.MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the query", problems);
        }
        return new ListQuery(organisation == null || organisation.isEmpty() ? null : organisation, parsedStatus,
                parsedPage, parsedSize);
    }

    /**
     * The body of {@code PUT /assessments/{id}/answers}, {@code {"answers":[...]}}, as read. A body that is no object
     * is not refused here but reported as the update's one problem, so that a draft that cannot be changed is still
     * answered first (404, 409), as before any body is looked at.
     */
    public static AnswerUpdate answers(JsonNode body) {
        if (body == null || !body.isObject()) {
            return new AnswerUpdate(List.of(), List.of(RequestBody.NOT_AN_OBJECT));
        }
        List<Violation> problems = new ArrayList<>();
        RequestBody.unknownFields(body, Set.of("answers"), problems);
        AnswerUpdate read = AnswerReader.read(body.get("answers"), "/answers");
        problems.addAll(read.problems());
        return new AnswerUpdate(read.answers(), problems);
    }

    /**
     * The period an assessment describes: a month ("2025-03") or a day ("2025-03-31"), kept as sent so that
     * periods sort in time order as text; null (with a problem) when it is neither. Null {@code period}: not read.
     * That it is not to come is {@link AssessmentService}'s check, on its clock.
     */
    static String period(String period, List<Violation> problems) {
        if (period == null) {
            return null;
        }
        if (start(period) != null) {
            return period;
        }
        problems.add(new Violation("/period", "must be a month (YYYY-MM) or a day (YYYY-MM-DD) from 2000 to 2100; found "
                + RequestBody.abbreviate(period)));
        return null;
    }

    /**
     * A period may not be after {@code today}'s month (or day): a period to come would stand as its organisation's
     * latest result until that period passed.
     */
    static void notToCome(String period, LocalDate today, List<Violation> problems) {
        LocalDate start = period == null ? null : start(period);
        if (start == null) {
            return;
        }
        boolean month = period.length() == 7;
        if (month ? YearMonth.from(start).isAfter(YearMonth.from(today)) : start.isAfter(today)) {
            problems.add(new Violation("/period", "must not be after the current " + (month
                    ? "month (" + YearMonth.from(today) + ")" : "day (" + today + ")") + "; found " + period));
        }
    }

    /** The first day of a well-formed period from 2000 to 2100, else null. */
    private static LocalDate start(String period) {
        try {
            boolean month = period.matches("[0-9]{4}-[0-9]{2}");
            LocalDate start = month ? YearMonth.parse(period).atDay(1)
                    : period.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? LocalDate.parse(period) : null;
            return start != null && start.getYear() >= 2000 && start.getYear() <= 2100 ? start : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
