package org.readiness.comparison;

import org.readiness.questionnaire.Crosswalk;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.Questionnaire.Enabler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which enablers can be compared between results scored under different versions of one questionnaire.
 * <p>
 * Between two versions with a crosswalk (questionnaires/crosswalks/, docs/questionnaire-format.md#crosswalks) an
 * enabler is compared when every item it has in either version is crosswalked as {@code same} (the same question,
 * under the same id), each item keeps its weight, and the enabler keeps its weight. Otherwise it is left out with a
 * reason built from the crosswalk ("version 2 merged DL-03 and SB-05 into DL-06, ... and added DL-09").
 * Between versions with no crosswalk, an enabler is compared when both versions ask it with the same item ids and
 * weights. An enabler that a version lacks is never compared. Across several versions, each version is compared with
 * the next: an enabler is compared only when it is comparable at every step.
 */
public final class SharedEnablers {

    public record LeftOut(String enabler, String reason) {
    }

    /** The enablers compared, in the newest version's order, and those left out. */
    public record Shared(List<String> compared, List<LeftOut> leftOut) {
    }

    /** Finds the crosswalk between two versions of a questionnaire, as {@code QuestionnaireCatalog::crosswalk} does. */
    @FunctionalInterface
    public interface Crosswalks {
        Optional<Crosswalk> find(String questionnaire, int from, int to);

        /** No crosswalks: every pair of versions is judged by item ids and weights alone. */
        Crosswalks NONE = (questionnaire, from, to) -> Optional.empty();
    }

    private SharedEnablers() {
    }

    public static Shared across(List<Questionnaire> versions, Crosswalks crosswalks) {
        if (versions.isEmpty()) {
            return new Shared(List.of(), List.of());
        }
        List<Questionnaire> sorted = versions.stream().sorted(Comparator.comparingInt(Questionnaire::version)).toList();
        Questionnaire newest = sorted.get(sorted.size() - 1);
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> compared = new ArrayList<>();
        for (int v = sorted.size() - 1; v >= 0; v--) {
            for (Enabler e : sorted.get(v).enablers().toList()) {
                if (compared.contains(e.id()) || reasons.containsKey(e.id())) {
                    continue;
                }
                reason(sorted, e.id(), crosswalks).ifPresentOrElse(r -> reasons.put(e.id(), r), () -> compared.add(e.id()));
            }
        }
        // Newest version's order first; enablers only older versions have were never compared.
        List<String> order = newest.enablers().map(Enabler::id).toList();
        compared.sort(Comparator.comparingInt(order::indexOf));
        return new Shared(List.copyOf(compared), reasons.entrySet().stream()
                .map(x -> new LeftOut(x.getKey(), x.getValue())).toList());
    }

    /** As {@link #across(List, Crosswalks)} with no crosswalks: for questionnaires that have none. */
    public static Shared across(List<Questionnaire> versions) {
        return across(versions, Crosswalks.NONE);
    }

    /** True when scores of {@code enabler} under {@code a} and {@code b} (in either order) may be put side by side. */
    public static boolean comparable(Questionnaire a, Questionnaire b, String enabler, Crosswalks crosswalks) {
        return a == b || reason(List.of(a, b), enabler, crosswalks).isEmpty();
    }

    /** As {@link #comparable(Questionnaire, Questionnaire, String, Crosswalks)} with no crosswalks. */
    public static boolean comparable(Questionnaire a, Questionnaire b, String enabler) {
        return comparable(a, b, enabler, Crosswalks.NONE);
    }

    /** Why {@code enabler} cannot be compared across {@code versions} (one questionnaire), or empty when it can. */
    public static Optional<String> reason(List<Questionnaire> versions, String enabler, Crosswalks crosswalks) {
        List<Questionnaire> sorted = versions.stream().sorted(Comparator.comparingInt(Questionnaire::version)).toList();
        List<Integer> missing = sorted.stream().filter(q -> enabler(q, enabler).isEmpty()).map(Questionnaire::version).toList();
        if (!missing.isEmpty()) {
            return Optional.of("not in questionnaire version " + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        List<String> steps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            Questionnaire lo = sorted.get(i - 1);
            Questionnaire hi = sorted.get(i);
            if (lo.version() == hi.version()) {
                continue;
            }
            Optional<Crosswalk> crosswalk = crosswalks.find(lo.id(), lo.version(), hi.version());
            String step = crosswalk.isPresent() ? CrosswalkReason.of(crosswalk.get(), lo, hi, enabler)
                    : sameItems(lo, hi, enabler) ? null
                    : "its items differ between questionnaire versions " + lo.version() + ", " + hi.version();
            if (step != null) {
                steps.add(step);
            }
        }
        return steps.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", steps));
    }

    static Optional<Enabler> enabler(Questionnaire q, String id) {
        return q.enablers().filter(x -> x.id().equals(id)).findFirst();
    }

    /** The rule without a crosswalk: the same item ids with the same weights. */
    private static boolean sameItems(Questionnaire a, Questionnaire b, String enabler) {
        return signature(a, enabler).equals(signature(b, enabler));
    }

    private static String signature(Questionnaire q, String enabler) {
        return enabler(q, enabler).orElseThrow().items().stream().map(i -> i.id() + "*" + i.weight()).sorted()
                .collect(Collectors.joining(","));
    }
}
