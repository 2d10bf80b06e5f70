package org.readiness.scoring;

import org.readiness.scoring.engine.RuleDescription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.readiness.questionnaire.Questionnaire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questionnaire and rules cover the report chapter: every enabler has items, every item informs a
 * rule, every citation names a real heading, and docs/coverage.md is the table this test computes.
 * Run with -Dcoverage.write=true to rewrite the document after a change.
 */
class CoverageTest {

    private static final Path DOC = Path.of("docs", "coverage.md");
    private static final Pattern QUESTION = Pattern.compile("\"([A-Z]{2,4}-[0-9]{2})\"");
    private static final Pattern TITLE = Pattern.compile("Recommendation\\.(?:of|step)\\(\\s*drools\\.getRule\\(\\),[^\"]*\"([^\"]+)\"");
    /** "Theme > Section", optionally followed by ", paragraph 3" or ", paragraphs 1, 3 and 4". */
    private static final Pattern CITATION = Pattern.compile("(.+?)(?:, paragraphs? ((?:\\d+)(?:(?:, | and )\\d+)*))?");
    private final Questionnaire questionnaire = RulesFixture.QUESTIONNAIRE;
    private final List<RuleDescription> rules = RulesFixture.RULESET.rules();

    @Test
    void everyEnablerHasItemsAndEveryItemInformsARule() {
        questionnaire.enablers().forEach(e -> assertThat(e.items()).as("items of " + e.id()).isNotEmpty());
        questionnaire.placements().forEach(p -> assertThat(rulesInformedBy(p))
                .as("rules informed by item " + p.item().id()).isNotEmpty());
    }

    @Test
    void everyEnablerHasItsOwnRules() {
        Set<String> withRules = rules.stream().map(RuleDescription::enabler).collect(Collectors.toSet());
        questionnaire.enablers().forEach(e -> assertThat(withRules).as("rules for enabler " + e.id()).contains(e.id()));
    }

    @Test
    void everyCitationNamesASectionOfTheReportAndAParagraphItHas() throws IOException {
        Map<String, Integer> sections = sections();
        List<String> wrong = new ArrayList<>();
        rules.forEach(r -> check("@source of " + r.id(), r.source(), sections, wrong));
        for (Questionnaire q : RulesFixture.QUESTIONNAIRES) {
            q.enablers().forEach(e -> check("source of " + q.key() + " " + e.id(), e.source(), sections, wrong));
            q.placements().forEach(p -> check("source of " + q.key() + " " + p.item().id(), p.item().source(), sections, wrong));
        }
        assertThat(wrong).isEmpty();
    }

    private static void check(String what, String source, Map<String, Integer> sections, List<String> wrong) {
        for (String citation : source.split(";")) {
            Matcher m = CITATION.matcher(citation.strip());
            if (!m.matches() || !sections.containsKey(m.group(1))) {
                wrong.add(what + ": \"" + citation.strip() + "\" names no section of rules/report-sections.yaml");
            } else if (m.group(2) != null) {
                for (String n : m.group(2).split(", | and ")) {
                    if (Integer.parseInt(n) < 1 || Integer.parseInt(n) > sections.get(m.group(1))) {
                        wrong.add(what + ": " + m.group(1) + " has " + sections.get(m.group(1)) + " paragraphs, not " + n);
                    }
                }
            }
        }
    }

    @Test
    void noTwoRecommendationsSayTheSameThing() {
        Map<String, String> titleToRule = new HashMap<>();
        for (RuleDescription rule : rules) {
            Matcher m = TITLE.matcher(rule.drl());
            while (m.find()) {
                String earlier = titleToRule.putIfAbsent(m.group(1), rule.id());
                assertThat(earlier).as("title \"" + m.group(1) + "\" of " + rule.id()).isNull();
            }
        }
        assertThat(titleToRule).isNotEmpty();
    }

    @Test
    void theCoverageDocumentIsCurrent() throws IOException {
        String table = coverageTable();
        if (Boolean.getBoolean("coverage.write")) {
            Files.writeString(DOC, table);
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "coverage.md"), table);
        assertThat(Files.readString(DOC)).as("docs/coverage.md is out of date: rerun with -Dcoverage.write=true "
                + "(the new table is in target/coverage.md)").isEqualTo(table);
    }

    private Set<String> rulesInformedBy(Questionnaire.Placement p) {
        Set<String> ids = new TreeSet<>();
        for (RuleDescription rule : rules) {
            boolean named = QUESTION.matcher(rule.drl()).results().anyMatch(m -> m.group(1).equals(p.item().id()));
            if (named || p.enabler().id().equals(rule.enabler())) {
                ids.add(rule.id());
            }
        }
        return ids;
    }

    /** The sections a source cites, without the paragraphs it locates in them. */
    private static List<String> citations(String source) {
        return Arrays.stream(source.split(";")).map(String::strip).map(c -> {
            Matcher m = CITATION.matcher(c);
            return m.matches() ? m.group(1) : c;
        }).toList();
    }

    /** Each citable heading with its number of prose paragraphs (a theme alone: the sum of its sections'). */
    private static Map<String, Integer> sections() throws IOException {
        JsonNode doc = new YAMLMapper().readTree(Path.of("rules", "report-sections.yaml").toFile());
        Map<String, Integer> sections = new LinkedHashMap<>();
        sections.put(doc.at("/chapter/title").asText(), doc.at("/chapter/paragraphs").asInt());
        doc.get("themes").properties().forEach(theme -> {
            sections.put(theme.getKey(), 0);
            theme.getValue().properties().forEach(section ->
                    sections.put(theme.getKey() + " > " + section.getKey(), section.getValue().asInt()));
        });
        return sections;
    }

    private String coverageTable() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "# Coverage of the report by questions and rules",
                "",
                "Generated by `CoverageTest` from `questionnaires/`, `rules/` and `rules/report-sections.yaml`;",
                "the test fails when this page is out of date (`./mvnw test -Dtest=CoverageTest -Dcoverage.write=true`).",
                "For each section of the chapter \"Critical enablers and success factors\": the items and rules that cite it.",
                "Every item also informs the scoring, band and evidence rules of its enabler.",
                "",
                "| section | items | rules |",
                "|---|---|---|"));
        for (String section : sections().keySet()) {
            String items = questionnaire.placements().filter(p -> citations(p.item().source()).contains(section))
                    .map(p -> p.item().id()).collect(Collectors.joining(", "));
            String ruleIds = rules.stream().filter(r -> citations(r.source()).contains(section))
                    .map(RuleDescription::id).collect(Collectors.joining(", "));
            lines.add("| " + section + " | " + items + " | " + ruleIds + " |");
        }
        lines.add("");
        lines.add("## Items and the rules they inform");
        lines.add("");
        lines.add("| item | enabler | rules (named in conditions, or about its enabler) |");
        lines.add("|---|---|---|");
        questionnaire.placements().forEach(p -> lines.add("| " + p.item().id() + " | " + p.enabler().id() + " | "
                + String.join(", ", rulesInformedBy(p)) + " |"));
        return String.join("\n", lines) + "\n";
    }
}
