package org.readiness.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.readiness.scoring.facts.Band;
import org.readiness.scoring.facts.Conventions;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a ruleset's scoring/bands.yaml into {@link Conventions}, or names every fault in it: the file is part of the
 * ruleset, so a fault stops the start or reload like a DRL fault does.
 */
final class ConventionsFile {

    /** Its path in the rules folder: the one file besides the .drl files that is part of a ruleset. */
    static final String PATH = "scoring/bands.yaml";

    private static final Set<String> KEYS = Set.of("scale", "bands", "coverage", "note");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String file;
    private final List<RulesetFault> faults;

    private ConventionsFile(String file, List<RulesetFault> faults) {
        this.file = file;
        this.faults = faults;
    }

    /** The conventions in {@code content}, or null after adding each fault, named {@code origin/scoring/bands.yaml}, to {@code faults}. */
    static Conventions read(String origin, String content, List<RulesetFault> faults) {
        return new ConventionsFile(origin + "/" + PATH, faults).read(content);
    }

    private Conventions read(String content) {
        int before = faults.size();
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            fault("is not YAML: " + e.getOriginalMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            fault("must be a mapping with scale, bands and coverage");
            return null;
        }
        Set<String> unknown = new TreeSet<>();
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        unknown.forEach(k -> fault("unknown key '" + k + "'; the keys are scale, bands, coverage and note"));
        Double from = number(root.at("/scale/from"), "scale.from");
        Double to = number(root.at("/scale/to"), "scale.to");
        if (from != null && to != null && !(from < to)) {
            fault("scale.from (" + from + ") must be below scale.to (" + to + ")");
        }
        Double coverage = number(root.get("coverage"), "coverage");
        if (coverage != null && !(coverage > 0 && coverage <= 1)) {
            fault("coverage must be a share above 0 and at most 1; found " + coverage);
        }
        Map<Band, Double> starts = ladder(root.get("bands"), from, to);
        JsonNode note = root.get("note");
        if (note != null && (!note.isTextual() || note.asText().isBlank())) {
            fault("note must be text: what every result says about its bands");
        }
        return faults.size() > before ? null : new Conventions(from, to, coverage, starts, note == null ? null : note.asText());
    }

    /** Every band on the ladder once, lowest first, each starting above the one before, the first at the scale's bottom. */
    private Map<Band, Double> ladder(JsonNode bands, Double from, Double to) {
        Map<Band, Double> starts = new EnumMap<>(Band.class);
        List<Band> ladder = Conventions.ladder();
        if (bands == null || !bands.isArray()) {
            fault("bands must be a list of {band, from}, one for each of " + ladder + ", lowest first");
            return starts;
        }
        List<Band> order = new ArrayList<>();
        Double previous = null;
        for (int i = 0; i < bands.size(); i++) {
            JsonNode entry = bands.get(i);
            String at = "bands[" + i + "]";
            Band band = band(entry.get("band"), at);
            Double start = number(entry.get("from"), at + ".from");
            if (band == null || start == null) {
                continue;
            }
            if (starts.putIfAbsent(band, start) != null) {
                fault(at + ": " + band + " is listed twice");
                continue;
            }
            order.add(band);
            if (previous != null && !(start > previous)) {
                fault(at + ": " + band + " starts at " + start + ", not above the band before it (" + previous + ")");
            }
            if (from != null && to != null && (start < from || start > to)) {
                fault(at + ": " + band + " starts at " + start + ", off the scale " + from + " to " + to);
            }
            previous = start;
        }
        List<Band> missing = ladder.stream().filter(b -> !starts.containsKey(b)).toList();
        if (!missing.isEmpty()) {
            fault("bands lacks " + missing + "; every band on the ladder " + ladder + " needs its start");
        } else if (!order.equals(ladder)) {
            fault("bands must be in ladder order " + ladder + "; found " + order);
        }
        Double lowest = starts.get(ladder.get(0));
        if (lowest != null && from != null && !lowest.equals(from)) {
            fault(ladder.get(0) + " must start at the bottom of the scale (" + from + "), so every score has a band; found "
                    + lowest);
        }
        return starts;
    }

    private Band band(JsonNode node, String at) {
        String name = node == null ? null : node.asText();
        for (Band b : Conventions.ladder()) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        fault(at + ".band must be one of " + Conventions.ladder() + "; found " + (node == null ? "nothing" : node.toString()));
        return null;
    }

    private Double number(JsonNode node, String at) {
        if (node == null || node.isMissingNode() || !node.isNumber()) {
            fault(at + " must be a number; found " + (node == null || node.isMissingNode() ? "nothing" : node.toString()));
            return null;
        }
        return node.asDouble();
    }

    private void fault(String message) {
        faults.add(new RulesetFault(file, 0, message));
    }
}
