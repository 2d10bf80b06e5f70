package org.readiness.questionnaire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.readiness.questionnaire.QuestionnaireFile.EnablerFile;
import org.readiness.questionnaire.QuestionnaireFile.ItemFile;
import org.readiness.questionnaire.QuestionnaireFile.PointFile;
import org.readiness.questionnaire.QuestionnaireFile.ScaleFile;
import org.readiness.questionnaire.QuestionnaireFile.ThemeFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads questionnaire files and refuses any that is not sound: a fault found here stops the service
 * from starting, with the file and every fault named, rather than surfacing later as a wrong score.
 */
public final class QuestionnaireLoader {

    /** Scores are means on the 0-4 readiness scale, so every scale point must lie on it. */
    static final int SCALE_MIN = 0;
    static final int SCALE_MAX = 4;
    private static final Set<String> RESERVED_IDS = Set.of("overall", "all");
    private static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final String ITEM_ID_PATTERN = "[A-Z]{2,4}-[0-9]{2}";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public List<Questionnaire> loadFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new QuestionnaireException("Questionnaire folder " + folder.toAbsolutePath() + " does not exist", (Throwable) null);
        }
        List<Questionnaire> loaded = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(QuestionnaireLoader::isYaml).sorted().toList()) {
                Questionnaire questionnaire = load(file);
                Path earlier = seen.putIfAbsent(questionnaire.key(), file);
                if (earlier != null) {
                    throw new QuestionnaireException(file.toString(), List.of("questionnaire " + questionnaire.id()
                            + " version " + questionnaire.version() + " is already defined in " + earlier));
                }
                loaded.add(questionnaire);
            }
        } catch (IOException e) {
            throw new QuestionnaireException("Cannot read questionnaire folder " + folder, e);
        }
        if (loaded.isEmpty()) {
            throw new QuestionnaireException("Questionnaire folder " + folder.toAbsolutePath() + " holds no .yaml file", (Throwable) null);
        }
        return loaded;
    }

    public Questionnaire load(Path file) {
        QuestionnaireFile raw;
        try {
            raw = yaml.readValue(file.toFile(), QuestionnaireFile.class);
        } catch (JsonProcessingException e) {
            throw new QuestionnaireException(file.toString(), List.of(e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        } catch (IOException e) {
            throw new QuestionnaireException("Cannot read questionnaire " + file, e);
        }
        if (raw == null) {
            throw new QuestionnaireException(file.toString(), List.of("the file is empty"));
        }
        List<String> faults = new ArrayList<>();
        check(raw, file.getFileName().toString(), faults);
        if (!faults.isEmpty()) {
            throw new QuestionnaireException(file.toString(), faults);
        }
        return resolve(raw);
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static void check(QuestionnaireFile q, String fileName, List<String> faults) {
        requireId(q.id(), "questionnaire id", faults);
        if (q.version() == null || q.version() < 1) {
            faults.add("version must be a whole number of 1 or more");
        } else if (q.id() != null && !fileName.matches(q.id() + "-v" + q.version() + "\\.ya?ml")) {
            faults.add("file name must be " + q.id() + "-v" + q.version() + ".yaml (one file per id and version)");
        }
        requireText(q.title(), "title", faults);
        checkScales(q.scales(), faults);
        Set<String> enablers = checkThemes(q.themes(), faults);
        checkItems(q, enablers, faults);
        checkCompleteness(q, faults);
    }

    private static void checkCompleteness(QuestionnaireFile q, List<String> faults) {
        if (q.completeness() == null || q.completeness().items() == null || q.items() == null) {
            return;
        }
        Set<String> ids = new HashSet<>();
        q.items().forEach(i -> ids.add(i.id()));
        for (String id : q.completeness().items()) {
            if (!ids.contains(id)) {
                faults.add("completeness: unknown item " + id);
            }
        }
    }

    private static void checkScales(Map<String, ScaleFile> scales, List<String> faults) {
        if (scales == null || scales.isEmpty()) {
            faults.add("scales: at least one answer scale is required");
            return;
        }
        scales.forEach((name, scale) -> {
            if (scale == null || scale.points() == null || scale.points().size() < 2) {
                faults.add("scale " + name + " is empty: it needs at least two points");
                return;
            }
            checkType(name, scale, faults);
            Set<Integer> values = new HashSet<>();
            for (PointFile point : scale.points()) {
                if (point.value() == null || point.value() < SCALE_MIN || point.value() > SCALE_MAX) {
                    faults.add("scale " + name + ": every point needs a whole-number value from " + SCALE_MIN
                            + " to " + SCALE_MAX + ", found " + point.value());
                } else if (!values.add(point.value())) {
                    faults.add("scale " + name + ": duplicate point value " + point.value());
                }
                requireText(point.label(), "scale " + name + " point " + point.value() + " label", faults);
            }
        });
    }

    private static void checkType(String name, ScaleFile scale, List<String> faults) {
        String type = scale.type() == null ? Questionnaire.Item.ANCHORED : scale.type();
        if (Questionnaire.Item.ANCHORED.equals(type)) {
            if (scale.points().stream().anyMatch(p -> p.from() != null)) {
                faults.add("scale " + name + ": 'from' belongs only on a percentage scale");
            }
        } else if (Questionnaire.Item.PERCENTAGE.equals(type)) {
            int previousFrom = -1;
            int previousValue = -1;
            for (PointFile point : scale.points()) {
                int from = point.from() == null ? -1 : point.from();
                int value = point.value() == null ? -1 : point.value();
                if (from < 0 || from > 100 || from <= previousFrom || value <= previousValue) {
                    faults.add("scale " + name + ": on a percentage scale each point needs a 'from' from 0 to 100, "
                            + "rising with the point values");
                    return;
                }
                previousFrom = from;
                previousValue = value;
            }
            if (scale.points().get(0).from() != 0) {
                faults.add("scale " + name + ": the first point of a percentage scale must start from 0");
            }
        } else {
            faults.add("scale " + name + ": unknown type " + type + " (anchored or percentage)");
        }
    }

    private static Set<String> checkThemes(List<ThemeFile> themes, List<String> faults) {
        Set<String> ids = new HashSet<>();
        Set<String> enablers = new HashSet<>();
        if (themes == null || themes.isEmpty()) {
            faults.add("themes: at least one theme is required");
            return enablers;
        }
        for (ThemeFile theme : themes) {
            requireId(theme.id(), "theme id", faults);
            requireText(theme.title(), "theme " + theme.id() + " title", faults);
            if (theme.id() != null && !ids.add(theme.id())) {
                faults.add("duplicate id " + theme.id());
            }
            if (theme.enablers() == null || theme.enablers().isEmpty()) {
                faults.add("theme " + theme.id() + " has no enablers");
                continue;
            }
            for (EnablerFile enabler : theme.enablers()) {
                requireId(enabler.id(), "enabler id", faults);
                requireText(enabler.title(), "enabler " + enabler.id() + " title", faults);
                requireText(enabler.source(), "enabler " + enabler.id() + " source (the report section it draws on)", faults);
                checkWeight(enabler.weight(), enabler.weightReason(), "enabler " + enabler.id(), faults);
                if (enabler.id() != null && !ids.add(enabler.id())) {
                    faults.add("duplicate id " + enabler.id());
                }
                enablers.add(enabler.id());
            }
        }
        return enablers;
    }

    private static void checkItems(QuestionnaireFile q, Set<String> enablers, List<String> faults) {
        if (q.items() == null || q.items().isEmpty()) {
            faults.add("items: at least one item is required");
            return;
        }
        Set<String> ids = new HashSet<>();
        Set<String> informed = new HashSet<>();
        for (ItemFile item : q.items()) {
            String name = "item " + item.id();
            if (item.id() == null || !item.id().matches(ITEM_ID_PATTERN)) {
                faults.add(name + ": id must look like DL-01 (two to four capitals, a dash, two digits)");
            } else if (!ids.add(item.id())) {
                faults.add("duplicate item id " + item.id());
            }
            if (item.enabler() == null || !enablers.contains(item.enabler())) {
                faults.add(name + ": unknown enabler " + item.enabler());
            } else {
                informed.add(item.enabler());
            }
            requireText(item.text(), name + " text", faults);
            requireText(item.source(), name + " source (the report section it draws on)", faults);
            checkWeight(item.weight(), item.weightReason(), name, faults);
            ScaleFile scale = q.scales() == null || item.scale() == null ? null : q.scales().get(item.scale());
            if (scale == null) {
                faults.add(name + ": unknown scale " + item.scale());
            } else if (item.anchors() != null && scale.points() != null) {
                item.anchors().keySet().stream()
                        .filter(v -> scale.points().stream().noneMatch(p -> v.equals(p.value())))
                        .forEach(v -> faults.add(name + ": anchor for " + v + " is not a point of scale " + item.scale()));
            }
        }
        enablers.stream().filter(e -> e != null && !informed.contains(e)).sorted()
                .forEach(e -> faults.add("enabler " + e + " has no items"));
    }

    /** Version 1 predates weight reasons; the questionnaire tests hold newer versions to giving one (docs/questionnaire-format.md). */
    private static void checkWeight(Double weight, String reason, String name, List<String> faults) {
        if (weight != null && !(weight > 0)) {
            faults.add(name + ": weight must be greater than 0, found " + weight);
        }
    }

    private static void requireId(String id, String what, List<String> faults) {
        if (id == null || !id.matches(ID_PATTERN)) {
            faults.add(what + " must be lower-case words joined by dashes, found " + id);
        } else if (RESERVED_IDS.contains(id)) {
            faults.add(what + " " + id + " is reserved");
        }
    }

    private static void requireText(String text, String what, List<String> faults) {
        if (text == null || text.isBlank()) {
            faults.add(what + " is required");
        }
    }

    private static Questionnaire resolve(QuestionnaireFile q) {
        List<Questionnaire.Theme> themes = q.themes().stream().map(t -> new Questionnaire.Theme(t.id(), t.title(),
                t.source(), t.enablers().stream().map(e -> new Questionnaire.Enabler(e.id(), e.title(), e.summary(),
                        e.source(), e.weight() == null ? 1.0 : e.weight(), e.weightReason(), q.items().stream().filter(i -> i.enabler().equals(e.id()))
                        .map(i -> resolve(i, q.scales().get(i.scale()))).toList())).toList())).toList();
        return new Questionnaire(q.id(), q.version(), q.title(), q.description(), q.source(), themes,
                completeness(q, themes));
    }

    /** Required items in questionnaire order: the critical ones (when asked for) and those listed. */
    private static Questionnaire.Completeness completeness(QuestionnaireFile q, List<Questionnaire.Theme> themes) {
        if (q.completeness() == null) {
            return Questionnaire.Completeness.NONE;
        }
        boolean critical = Boolean.TRUE.equals(q.completeness().critical());
        Set<String> listed = q.completeness().items() == null ? Set.of() : Set.copyOf(q.completeness().items());
        List<String> required = themes.stream().flatMap(t -> t.enablers().stream()).flatMap(e -> e.items().stream())
                .filter(i -> (critical && i.critical()) || listed.contains(i.id()))
                .map(Questionnaire.Item::id)
                .toList();
        return new Questionnaire.Completeness(required);
    }

    private static Questionnaire.Item resolve(ItemFile i, ScaleFile scale) {
        Map<Integer, String> anchors = i.anchors() == null ? Map.of() : i.anchors();
        List<Questionnaire.ScalePoint> points = scale.points().stream()
                .map(p -> new Questionnaire.ScalePoint(p.value(), p.from(), p.label(), anchors.getOrDefault(p.value(), p.anchor())))
                .toList();
        return new Questionnaire.Item(i.id(), i.text(), i.guidance(), i.weight() == null ? 1.0 : i.weight(),
                i.weightReason(), Boolean.TRUE.equals(i.critical()), !Boolean.FALSE.equals(i.allowNotApplicable()), i.source(),
                scale.type() == null ? Questionnaire.Item.ANCHORED : scale.type(), points);
    }
}
