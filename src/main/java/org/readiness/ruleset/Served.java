package org.readiness.ruleset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.scoring.engine.RuleDescription;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ruleset's ruleset.yaml: the questionnaire versions its rules were written for. A rule that names a question
 * (a quoted id such as "DL-01") that none of those versions asks would never fire, or fire on the wrong question, so
 * the compile refuses it, naming file, line and rule. A ruleset kept from before this file declares nothing and is not
 * checked: it serves every version, as it did.
 */
final class Served {

    static final String PATH = "ruleset.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern QUESTION = Pattern.compile("\"([A-Z]{2,4}-\\d{2})\"");

    private final Map<String, Set<Integer>> versions;
    private final Set<String> questions;

    private Served(Map<String, Set<Integer>> versions, Set<String> questions) {
        this.versions = versions;
        this.questions = questions;
    }

    /** The versions served, by questionnaire id; empty for a ruleset without the file. */
    Map<String, Set<Integer>> versions() {
        return versions;
    }

    static Served read(String origin, String content, Collection<Questionnaire> loaded, List<RulesetFault> faults) {
        if (content == null) {
            return new Served(Map.of(), null);
        }
        String file = origin + "/" + PATH;
        JsonNode serves;
        try {
            JsonNode root = YAML.readTree(content);
            serves = root == null ? null : root.get("serves");
            if (root != null && root.isObject()) {
                root.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("serves")) {
                        faults.add(new RulesetFault(file, 0, "unknown key '" + k + "'; the one key is serves"));
                    }
                });
            }
        } catch (JsonProcessingException e) {
            faults.add(new RulesetFault(file, 0, "is not YAML: " + e.getOriginalMessage()));
            return new Served(Map.of(), null);
        }
        if (serves == null || !serves.isObject() || serves.isEmpty()) {
            faults.add(new RulesetFault(file, 0, "serves must map each questionnaire id to the versions these rules "
                    + "were written for, such as 'nttp-readiness: [1, 2]'"));
            return new Served(Map.of(), null);
        }
        Map<String, Set<Integer>> versions = new LinkedHashMap<>();
        Set<String> questions = new HashSet<>();
        serves.fields().forEachRemaining(e -> {
            Set<Integer> listed = new TreeSet<>();
            if (!e.getValue().isArray() || e.getValue().isEmpty()) {
                faults.add(new RulesetFault(file, 0, "serves." + e.getKey() + " must be a list of version numbers"));
                return;
            }
            for (JsonNode v : e.getValue()) {
                if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                    faults.add(new RulesetFault(file, 0, "serves." + e.getKey() + ": " + v + " is not a version number"));
                    continue;
                }
                Questionnaire q = loaded.stream().filter(x -> x.id().equals(e.getKey()) && x.version() == v.asInt())
                        .findFirst().orElse(null);
                if (q == null) {
                    faults.add(new RulesetFault(file, 0, "serves " + e.getKey() + " version " + v.asInt()
                            + ", which no loaded questionnaire file defines"));
                    continue;
                }
                listed.add(v.asInt());
                questions.addAll(q.itemsById().keySet());
            }
            versions.put(e.getKey(), Set.copyOf(listed));
        });
        return new Served(Map.copyOf(versions), Set.copyOf(questions));
    }

    /** Every question a rule names must be asked by some version served. */
    void checkQuestionsNamed(List<RuleDescription> rules, String origin, List<RulesetFault> faults) {
        if (questions == null) {
            return;
        }
        for (RuleDescription rule : rules) {
            if (rule.drl() == null) {
                continue;
            }
            Set<String> unknown = new TreeSet<>();
            Matcher m = QUESTION.matcher(rule.drl());
            while (m.find()) {
                if (!questions.contains(m.group(1))) {
                    unknown.add(m.group(1));
                }
            }
            if (!unknown.isEmpty()) {
                faults.add(new RulesetFault(origin + "/" + rule.file(), rule.line(), "rule \"" + rule.name() + "\" names "
                        + String.join(", ", unknown) + ", which no questionnaire version it serves (" + describe() + ") asks"));
            }
        }
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        versions.forEach((id, v) -> s.append(s.length() == 0 ? "" : "; ").append(id).append(" ").append(v.stream().sorted()
                .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")));
        return s.toString();
    }
}
