package org.readiness.comparison;

import org.readiness.questionnaire.Crosswalk;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.Questionnaire.Enabler;
import org.readiness.questionnaire.Questionnaire.Item;
import org.readiness.questionnaire.Questionnaire.Placement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an enabler's scores under two versions joined by a crosswalk may be compared, and if not, what changed,
 * in words built from the crosswalk: "version 2 merged DL-03 and SB-05 into DL-06, reworded DL-05 as DL-07, added
 * DL-09 and changed the weight of the enabler from 1 to 3". Changes to the enabler's own items come first, in the later
 * version's order, then the items added, the earlier items that went to other enablers or were dropped, and weights.
 */
final class CrosswalkReason {

    private CrosswalkReason() {
    }

    /** Null when {@code enabler} (asked in both versions) is comparable between {@code lo} and {@code hi}. */
    static String of(Crosswalk crosswalk, Questionnaire lo, Questionnaire hi, String enabler) {
        Enabler before = SharedEnablers.enabler(lo, enabler).orElseThrow();
        Enabler after = SharedEnablers.enabler(hi, enabler).orElseThrow();
        Map<String, Placement> loItems = lo.itemsById();
        Map<String, Placement> hiItems = hi.itemsById();
        List<String> changes = new ArrayList<>();
        List<String> added = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        Set<String> explained = new HashSet<>();
        for (Item item : after.items()) {
            Crosswalk.Entry entry = crosswalk.entry(item.id()).orElseThrow(() -> new IllegalStateException(
                    "Crosswalk " + crosswalk.key() + " lacks item " + item.id()));
            List<String> from = entry.from();
            switch (entry.kind()) {
                case Crosswalk.SAME -> {
                    Placement then = loItems.get(item.id());
                    if (then != null && !then.enabler().id().equals(enabler)) {
                        changes.add("moved " + item.id() + " here from " + then.enabler().id());
                    } else if (then != null && then.item().weight() != item.weight()) {
                        changes.add("changed the weight of " + item.id() + " from " + number(then.item().weight())
                                + " to " + number(item.weight()));
                    }
                }
                case Crosswalk.REWORDED -> changes.add("reworded " + from.get(0) + " as " + item.id());
                case Crosswalk.SPLIT -> {
                    if (!explained.contains(from.get(0))) {
                        changes.add("split " + from.get(0) + " into " + and(after.items().stream().map(Item::id)
                                .filter(id -> crosswalk.entry(id).filter(e -> Crosswalk.SPLIT.equals(e.kind())
                                        && e.from().equals(from)).isPresent()).toList()));
                    }
                }
                case Crosswalk.MERGED -> changes.add("merged " + and(from) + " into " + item.id());
                default -> added.add(item.id());
            }
            explained.addAll(from);
        }
        if (!added.isEmpty()) {
            changes.add("added " + and(added));
        }
        Set<String> now = after.items().stream().map(Item::id).collect(Collectors.toSet());
        for (Item item : before.items()) {
            if (explained.contains(item.id()) || now.contains(item.id())) {
                continue;
            }
            if (crosswalk.keeps(item.id())) {
                changes.add("moved " + item.id() + " to " + hiItems.get(item.id()).enabler().id());
                continue;
            }
            List<String> into = crosswalk.retirement(item.id()).map(Crosswalk.Retired::into).orElse(List.of());
            if (into.isEmpty()) {
                dropped.add(item.id());
            } else {
                changes.add("moved " + item.id() + " into " + and(into.stream()
                        .map(id -> id + " (" + hiItems.get(id).enabler().id() + ")").toList()));
            }
        }
        if (!dropped.isEmpty()) {
            changes.add("dropped " + and(dropped));
        }
        if (before.weight() != after.weight()) {
            changes.add("changed the weight of the enabler from " + number(before.weight()) + " to " + number(after.weight()));
        }
        return changes.isEmpty() ? null : "version " + hi.version() + " " + and(changes);
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> parts) {
        if (parts.size() < 2) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
