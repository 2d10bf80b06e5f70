package org.readiness.questionnaire;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A published questionnaire: themes, their enablers, and the items that inform each enabler.
 * Immutable once loaded; a change of wording or scoring means a new version in a new file.
 */
public record Questionnaire(String id, int version, String title, String description, String source,
                            List<Theme> themes, Completeness completeness) {

    /** A questionnaire that requires nothing before submission. */
    public Questionnaire(String id, int version, String title, String description, String source, List<Theme> themes) {
        this(id, version, title, description, source, themes, Completeness.NONE);
    }

    /**
     * The questions a draft must answer before it can be submitted, resolved from the file's
     * {@code completeness} section. Any answer the item accepts counts, "DONT_KNOW" included.
     */
    public record Completeness(List<String> required) {

        public static final Completeness NONE = new Completeness(List.of());

        /** The required questions not in {@code answered}, in questionnaire order. */
        public List<String> missing(Set<String> answered) {
            return required.stream().filter(q -> !answered.contains(q)).toList();
        }
    }

    public record Theme(String id, String title, String source, List<Enabler> enablers) {
    }

    /** {@code weight}: this enabler's weight in its theme's weighted mean; {@code weightReason} says why, when not 1. */
    public record Enabler(String id, String title, String summary, String source, double weight, String weightReason,
                          List<Item> items) {
    }

    /**
     * A question. {@code scale} is resolved from the file's named scale with the item's own anchors laid
     * over it, so a reader of the API sees exactly what a respondent is offered. On an "anchored" scale the
     * answer is a point's value; on a "percentage" scale it is a whole percentage, which earns the point
     * whose {@code from} it reaches.
     */
    public record Item(String id, String text, String guidance, double weight, String weightReason, boolean critical,
                       boolean allowNotApplicable, String source, String type, List<ScalePoint> scale) {

        public static final String ANCHORED = "anchored";
        public static final String PERCENTAGE = "percentage";

        /** The 0-4 point an answer earns, or empty when the answer is not on this item's scale. */
        public Optional<Integer> pointFor(int answer) {
            if (PERCENTAGE.equals(type)) {
                return answer < 0 || answer > 100 ? Optional.empty()
                        : scale.stream().filter(p -> p.from() <= answer).map(ScalePoint::value).reduce((a, b) -> b);
            }
            return scale.stream().map(ScalePoint::value).filter(v -> v == answer).findFirst();
        }
    }

    public record ScalePoint(int value, Integer from, String label, String anchor) {
    }

    /** The item together with the enabler and theme it informs. */
    public record Placement(Item item, Enabler enabler, Theme theme) {
    }

    public Stream<Placement> placements() {
        return themes.stream().flatMap(t -> t.enablers().stream()
                .flatMap(e -> e.items().stream().map(i -> new Placement(i, e, t))));
    }

    @JsonIgnore
    public Map<String, Placement> itemsById() {
        Map<String, Placement> byId = new LinkedHashMap<>();
        placements().forEach(p -> byId.put(p.item().id(), p));
        return byId;
    }

    public Stream<Enabler> enablers() {
        return themes.stream().flatMap(t -> t.enablers().stream());
    }

    public String key() {
        return id + "@" + version;
    }
}
