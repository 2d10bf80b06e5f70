package org.readiness.scoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A file under rules/scenarios/: given answers, the outcome the rules must reach. Format in
 * docs/rules-authoring.md. {@code otherAnswers} answers every item not listed in {@code answers}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Scenario(String name, String why, String questionnaire, Integer version, String scope, Object otherAnswers,
                       Map<String, Object> answers, Expect expect) {

    public static final Path FOLDER = Path.of("rules", "scenarios");
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /**
     * {@code recommendations}: the exact ranked ids; {@code firstRecommendations}: how the ranking starts;
     * {@code stepsAbout}: for each enabler, theme or "overall", the ids of the steps about it, in rank order.
     */
    public record Expect(Rating overall, Map<String, Rating> themes, Map<String, Rating> enablers,
                         List<String> recommendations, List<String> firstRecommendations,
                         Map<String, List<String>> stepsAbout, List<String> fired, List<String> silent) {
    }

    public record Rating(String band, String uncappedBand, Double score, List<String> cappedBy) {
    }

    public static Stream<Path> files() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario read(Path file) {
        try {
            return YAML.readValue(file.toFile(), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read scenario " + file, e);
        }
    }

    /** The questionnaire version the scenario answers. */
    public org.readiness.questionnaire.Questionnaire questionnaireVersion() {
        return RulesFixture.version(version);
    }

    /** The full answer set: {@code otherAnswers} for every item, overridden by {@code answers}. */
    public Map<String, Object> allAnswers() {
        Map<String, Object> all = new LinkedHashMap<>();
        if (otherAnswers != null) {
            all.putAll(RulesFixture.all(questionnaireVersion(), otherAnswers));
        }
        if (answers != null) {
            all.putAll(answers);
        }
        return all;
    }
}
