package org.readiness.comparison;

import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.Questionnaire.Enabler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which enablers can be compared between results scored under different versions of one questionnaire.
 * An enabler's rating is comparable only when every version asks the same items for it (same ids, same
 * weights): an enabler that a version added, dropped or re-worded is a different measurement, and putting
 * its scores side by side would compare unlike with unlike. Such enablers are left out, each with a reason.
 */
public final class SharedEnablers {

    public record LeftOut(String enabler, String reason) {
    }

    /** The enablers compared, in the newest version's order, and those left out. */
    public record Shared(List<String> compared, List<LeftOut> leftOut) {
    }

    private SharedEnablers() {
    }

    public static Shared across(List<Questionnaire> versions) {
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
                String reason = reason(sorted, e.id());
                if (reason == null) {
                    compared.add(e.id());
                } else {
                    reasons.put(e.id(), reason);
                }
            }
        }
        // Newest version's order first; enablers only older versions have were never compared.
        List<String> order = newest.enablers().map(Enabler::id).toList();
        compared.sort(Comparator.comparingInt(order::indexOf));
        return new Shared(List.copyOf(compared), reasons.entrySet().stream()
                .map(x -> new LeftOut(x.getKey(), x.getValue())).toList());
    }

    /** True when both versions ask the same items for {@code enabler}. */
    public static boolean comparable(Questionnaire a, Questionnaire b, String enabler) {
        return a == b || reason(List.of(a, b), enabler) == null;
    }

    private static String reason(List<Questionnaire> versions, String enabler) {
        String items = null;
        List<Integer> missing = new ArrayList<>();
        boolean differ = false;
        for (Questionnaire q : versions) {
            Enabler e = q.enablers().filter(x -> x.id().equals(enabler)).findFirst().orElse(null);
            if (e == null) {
                missing.add(q.version());
                continue;
            }
            String these = e.items().stream().map(i -> i.id() + "*" + i.weight()).sorted().collect(Collectors.joining(","));
            if (items != null && !Objects.equals(items, these)) {
                differ = true;
            }
            items = these;
        }
        if (!missing.isEmpty()) {
            return "not in questionnaire version " + missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return differ ? "its items differ between questionnaire versions "
                + versions.stream().map(q -> String.valueOf(q.version())).collect(Collectors.joining(", ")) : null;
    }
}
