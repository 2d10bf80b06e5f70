package org.readiness.questionnaire;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How the items of one version of a questionnaire map to those of a later version, kept as data under
 * questionnaires/crosswalks/ (docs/questionnaire-format.md#crosswalks). An item id means the same question in
 * every version: an item whose meaning is unchanged keeps its id and is crosswalked as {@link #SAME}; any other
 * change gives the item a new id, and the ids it replaces are {@code retired} and never reused.
 *
 * @param items   every item of version {@code to}, in that version's order
 * @param retired every item of version {@code from} that no item of version {@code to} keeps as {@link #SAME}
 */
public record Crosswalk(String questionnaire, int from, int to, List<Entry> items, List<Retired> retired) {

    /** One item of the earlier version, meaning unchanged: the id is kept (wording and anchors may be sharpened). */
    public static final String SAME = "same";
    /** One earlier item became one item whose meaning changed (often narrowed to one idea). */
    public static final String REWORDED = "reworded";
    /** One earlier item became several items. */
    public static final String SPLIT = "split";
    /** Several earlier items became one. */
    public static final String MERGED = "merged";
    /** An item with no earlier counterpart. */
    public static final String NEW = "new";
    public static final Set<String> KINDS = Set.of(SAME, REWORDED, SPLIT, MERGED, NEW);

    /**
     * @param item an item id of version {@code to}
     * @param kind one of {@link #KINDS}
     * @param from the item ids of version {@code from} it comes from: the item's own id when {@link #SAME}, none when {@link #NEW}
     * @param note what changed, in words (absent for {@link #SAME})
     */
    public record Entry(String item, String kind, List<String> from, String note) {
    }

    /**
     * @param item an item id of version {@code from}
     * @param into the items of version {@code to} that took it over; none when it was dropped
     * @param note what became of it
     */
    public record Retired(String item, List<String> into, String note) {
    }

    /** The entry of an item of version {@code to}. */
    public Optional<Entry> entry(String item) {
        return items.stream().filter(e -> e.item().equals(item)).findFirst();
    }

    /** What became of an item of version {@code from} that was not kept as the same question. */
    public Optional<Retired> retirement(String item) {
        return retired.stream().filter(r -> r.item().equals(item)).findFirst();
    }

    /** True when {@code item} is asked in both versions as the same question. */
    public boolean keeps(String item) {
        return entry(item).map(e -> SAME.equals(e.kind())).orElse(false);
    }

    public String key() {
        return questionnaire + "@" + from + "->" + to;
    }
}
