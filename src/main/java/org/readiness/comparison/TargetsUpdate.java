package org.readiness.comparison;

import com.fasterxml.jackson.databind.JsonNode;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.scoring.facts.Band;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A replacement of an organisation's targets as read from a request: each target that is an object, and the problems
 * met reading. {@link TargetService#replace} checks what needs the questionnaires and the active ruleset (the enablers,
 * the scale, where each band starts) and refuses its problems and these in one answer, in the body's order.
 */
public record TargetsUpdate(List<SentTarget> targets, List<Violation> problems) {

    private static final Set<String> BODY_FIELDS = Set.of("targets");
    private static final Set<String> TARGET_FIELDS = Set.of("enabler", "score", "band");
    static final String BANDS = Arrays.stream(Band.values()).filter(Band::onLadder).map(Enum::name)
            .collect(Collectors.joining(", "));

    public TargetsUpdate {
        targets = List.copyOf(targets);
        problems = List.copyOf(problems);
    }

    /**
     * One target as sent, at {@code at} in the body. {@code enabler} is null when it could not be read, {@code goal}
     * when a band was sent that is not on the ladder; their problems are listed.
     */
    public record SentTarget(String at, String enabler, Goal goal) {
    }

    /** What a target asks for. A score's problems are worded with the active ruleset's scale, so only marked here. */
    public sealed interface Goal {

        /** A number sent as the score, not yet checked against the scale; {@code asSent} echoes it in a problem. */
        record Score(double value, String asSent) implements Goal {
        }

        record OnBand(Band band) implements Goal {
        }

        record ScoreNotANumber() implements Goal {
        }

        record ScoreAndBandOrNeither() implements Goal {
        }
    }

    /**
     * Reads {@code {"targets":[{"enabler": id, "score": on the scale} | {"enabler": id, "band": BAND}]}}; a body that
     * is no object is refused at once.
     */
    public static TargetsUpdate read(JsonNode body) {
        RequestBody.requireObject(body, "targets");
        List<Violation> problems = new ArrayList<>();
        RequestBody.unknownFields(body, BODY_FIELDS, problems);
        JsonNode list = body.get("targets");
        List<SentTarget> targets = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(new Violation("/targets", list == null ? "required: a list of targets (may be empty)"
                    : "must be a list of targets"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                SentTarget t = target(list.get(i), "/targets/" + i, problems);
                if (t != null) {
                    targets.add(t);
                }
            }
        }
        return new TargetsUpdate(targets, problems);
    }

    private static SentTarget target(JsonNode node, String at, List<Violation> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new Violation(at, "must be an object {\"enabler\", \"score\" or \"band\"}"));
            return null;
        }
        RequestBody.unknownFields(node, at, TARGET_FIELDS, problems);
        String enabler = null;
        JsonNode e = node.get("enabler");
        if (e == null || e.isNull()) {
            problems.add(new Violation(at + "/enabler", "required"));
        } else if (!e.isTextual()) {
            problems.add(new Violation(at + "/enabler", "must be text: an enabler id"));
        } else {
            enabler = e.asText();
        }
        return new SentTarget(at, enabler, goal(node.get("score"), node.get("band"), at, problems));
    }

    private static Goal goal(JsonNode s, JsonNode b, String at, List<Violation> problems) {
        boolean scoreSent = s != null && !s.isNull();
        if (scoreSent == (b != null && !b.isNull())) {
            return new Goal.ScoreAndBandOrNeither();
        }
        if (scoreSent) {
            return s.isNumber() ? new Goal.Score(s.asDouble(), s.asText()) : new Goal.ScoreNotANumber();
        }
        Band band;
        try {
            band = b.isTextual() ? Band.valueOf(b.asText()) : null;
        } catch (IllegalArgumentException ex) {
            band = null;
        }
        if (band == null || !band.onLadder()) {
            problems.add(new Violation(at + "/band", "must be one of " + BANDS + "; found "
                    + RequestBody.abbreviate(b.toString())));
            return null;
        }
        return new Goal.OnBand(band);
    }

    /**
     * The problems read here and those the service found, as one pass over the body would list them: those of the body
     * itself first, then target by target its unknown fields, its enabler, the target as a whole, its score or band.
     * The sort is stable, so the reading problems at one place keep their order and come before the service's.
     */
    List<Violation> withChecked(List<Violation> checked) {
        List<Violation> all = new ArrayList<>(problems);
        all.addAll(checked);
        all.sort(Comparator.comparingInt(TargetsUpdate::targetIndex).thenComparingInt(TargetsUpdate::placeInTarget));
        return all;
    }

    /** -1 for a problem of the body itself. */
    private static int targetIndex(Violation v) {
        String[] segments = v.pointer().split("/", -1);
        return segments.length > 2 && segments[1].equals("targets") ? Integer.parseInt(segments[2]) : -1;
    }

    private static int placeInTarget(Violation v) {
        String[] segments = v.pointer().split("/", -1);
        if (segments.length < 4) {
            return 2;
        }
        return switch (segments[3]) {
            case "enabler" -> 1;
            case "score", "band" -> 3;
            default -> 0;
        };
    }
}
