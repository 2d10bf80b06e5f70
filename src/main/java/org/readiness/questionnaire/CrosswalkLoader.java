package org.readiness.questionnaire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.readiness.questionnaire.CrosswalkFile.ItemFile;
import org.readiness.questionnaire.CrosswalkFile.RetiredFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads the crosswalk files of a folder (questionnaires/crosswalks/) against the questionnaires already loaded, and
 * refuses any that is not sound, naming the file and every fault: a crosswalk decides which scores are put side by
 * side across versions, so a wrong one would compare unlike with unlike without anyone noticing.
 */
public final class CrosswalkLoader {

    private static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Every .yaml file directly in {@code folder}; none when the folder does not exist (crosswalks are optional). */
    public List<Crosswalk> loadFolder(Path folder, Collection<Questionnaire> questionnaires) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Crosswalk> loaded = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(CrosswalkLoader::isYaml).sorted().toList()) {
                Crosswalk crosswalk = load(file, questionnaires);
                Path earlier = seen.putIfAbsent(crosswalk.key(), file);
                if (earlier != null) {
                    throw new CrosswalkException(file.toString(), List.of("the crosswalk of " + crosswalk.questionnaire()
                            + " from version " + crosswalk.from() + " to " + crosswalk.to() + " is already defined in " + earlier));
                }
                loaded.add(crosswalk);
            }
        } catch (IOException e) {
            throw new CrosswalkException("Cannot read crosswalk folder " + folder, e);
        }
        return loaded;
    }

    public Crosswalk load(Path file, Collection<Questionnaire> questionnaires) {
        CrosswalkFile raw;
        try {
            String text = Files.readString(file);
            raw = text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#")) ? null
                    : yaml.readValue(text, CrosswalkFile.class);
        } catch (JsonProcessingException e) {
            throw new CrosswalkException(file.toString(), List.of(e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")")));
        } catch (IOException e) {
            throw new CrosswalkException("Cannot read crosswalk " + file, e);
        }
        if (raw == null) {
            throw new CrosswalkException(file.toString(), List.of("the file is empty"));
        }
        List<String> faults = new ArrayList<>();
        check(raw, file.getFileName().toString(), questionnaires, faults);
        if (!faults.isEmpty()) {
            throw new CrosswalkException(file.toString(), faults);
        }
        return new Crosswalk(raw.questionnaire(), raw.from(), raw.to(),
                raw.items().stream().map(i -> new Crosswalk.Entry(i.item(), i.kind(), ids(i.from()), i.note())).toList(),
                raw.retired() == null ? List.of() : raw.retired().stream()
                        .map(r -> new Crosswalk.Retired(r.item(), ids(r.into()), r.note())).toList());
    }

    private static boolean isYaml(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static List<String> ids(List<String> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }

    private static void check(CrosswalkFile c, String fileName, Collection<Questionnaire> questionnaires, List<String> faults) {
        if (c.questionnaire() == null || !c.questionnaire().matches(ID_PATTERN)) {
            faults.add("questionnaire must be a questionnaire id (lower-case words joined by dashes), found " + c.questionnaire());
        }
        if (c.from() == null || c.from() < 1 || c.to() == null || c.to() < 1) {
            faults.add("from and to must be whole numbers of 1 or more (the two questionnaire versions)");
            return;
        }
        if (c.from() >= c.to()) {
            faults.add("from (" + c.from() + ") must be an earlier version than to (" + c.to() + ")");
        }
        String expected = c.questionnaire() + "-v" + c.from() + "-to-v" + c.to();
        if (c.questionnaire() != null && !fileName.matches(java.util.regex.Pattern.quote(expected) + "\\.ya?ml")) {
            faults.add("file name must be " + expected + ".yaml (one file per questionnaire and pair of versions)");
        }
        Set<String> before = items(c.questionnaire(), c.from(), questionnaires, faults);
        Set<String> after = items(c.questionnaire(), c.to(), questionnaires, faults);
        if (c.items() == null || c.items().isEmpty()) {
            faults.add("items: every item of version " + c.to() + " must be listed");
            return;
        }
        List<RetiredFile> retired = c.retired() == null ? List.of() : c.retired();
        checkItems(c, before, after, faults);
        checkRetired(c, retired, before, after, faults);
    }

    /** The item ids of a loaded version, or null (with a fault) when the version is not loaded. */
    private static Set<String> items(String id, int version, Collection<Questionnaire> questionnaires, List<String> faults) {
        return questionnaires.stream().filter(q -> q.id().equals(id) && q.version() == version).findFirst()
                .map(q -> (Set<String>) new LinkedHashSet<>(q.itemsById().keySet()))
                .orElseGet(() -> {
                    faults.add("questionnaire " + id + " version " + version + " is not loaded");
                    return null;
                });
    }

    private static void checkItems(CrosswalkFile c, Set<String> before, Set<String> after, List<String> faults) {
        Map<String, Integer> sources = new HashMap<>();
        c.items().forEach(i -> ids(i.from()).stream().distinct().forEach(f -> sources.merge(f, 1, Integer::sum)));
        Set<String> listed = new HashSet<>();
        for (ItemFile i : c.items()) {
            String name = "item " + i.item();
            List<String> from = ids(i.from());
            if (i.item() == null) {
                faults.add("items: an entry has no item");
                continue;
            }
            if (!listed.add(i.item())) {
                faults.add(name + " appears more than once in items");
            }
            if (after != null && !after.contains(i.item())) {
                faults.add(name + " is not an item of version " + c.to());
            }
            if (new HashSet<>(from).size() < from.size()) {
                faults.add(name + ": from names an item twice");
            }
            if (before != null) {
                from.stream().filter(f -> !before.contains(f))
                        .forEach(f -> faults.add(name + ": from " + f + " is not an item of version " + c.from()));
            }
            if (i.kind() == null || !Crosswalk.KINDS.contains(i.kind())) {
                faults.add(name + ": kind must be one of same, reworded, split, merged, new; found " + i.kind());
                continue;
            }
            checkKind(i, from, sources, c.from(), faults);
            if (!Crosswalk.SAME.equals(i.kind())) {
                if (i.note() == null || i.note().isBlank()) {
                    faults.add(name + ": a note is required, saying what changed");
                }
                if (before != null && before.contains(i.item())) {
                    faults.add(name + " is " + i.kind() + ", but " + i.item() + " is also an item of version " + c.from()
                            + ": an item id means the same question in every version, so a kept id is same and a "
                            + "changed item needs a new id");
                }
            }
        }
        if (after != null) {
            after.stream().filter(a -> !listed.contains(a))
                    .forEach(a -> faults.add("item " + a + " of version " + c.to() + " is missing from items"));
        }
    }

    private static void checkKind(ItemFile i, List<String> from, Map<String, Integer> sources, int version, List<String> faults) {
        String name = "item " + i.item() + " (" + i.kind() + ")";
        switch (i.kind()) {
            case Crosswalk.SAME -> {
                if (!from.equals(List.of(i.item()))) {
                    faults.add(name + ": same means the same id in both versions, so from must be [" + i.item()
                            + "], found " + from);
                }
            }
            case Crosswalk.REWORDED, Crosswalk.SPLIT -> {
                if (from.size() != 1 || from.contains(i.item())) {
                    faults.add(name + ": from must name exactly one item of version " + version + " with another id, found " + from);
                } else if (Crosswalk.SPLIT.equals(i.kind()) && sources.get(from.get(0)) < 2) {
                    faults.add(name + ": " + from.get(0) + " is split, so at least two items must come from it");
                }
            }
            case Crosswalk.MERGED -> {
                if (from.size() < 2) {
                    faults.add(name + ": from must name two or more items of version " + version + ", found " + from);
                }
            }
            default -> {
                if (!from.isEmpty()) {
                    faults.add(name + ": a new item comes from no item, found " + from);
                }
            }
        }
    }

    private static void checkRetired(CrosswalkFile c, List<RetiredFile> retired, Set<String> before, Set<String> after,
                                     List<String> faults) {
        Set<String> kept = new HashSet<>();
        Map<String, Set<String>> takers = new HashMap<>();
        for (ItemFile i : c.items()) {
            if (Crosswalk.SAME.equals(i.kind())) {
                kept.addAll(ids(i.from()));
            } else if (i.item() != null) {
                ids(i.from()).forEach(f -> takers.computeIfAbsent(f, k -> new TreeSet<>()).add(i.item()));
            }
        }
        Set<String> listed = new HashSet<>();
        for (RetiredFile r : retired) {
            String name = "retired " + r.item();
            if (r.item() == null) {
                faults.add("retired: an entry has no item");
                continue;
            }
            if (!listed.add(r.item())) {
                faults.add(name + " appears more than once in retired");
            }
            if (before != null && !before.contains(r.item())) {
                faults.add(name + " is not an item of version " + c.from());
            }
            if (kept.contains(r.item())) {
                faults.add(name + " is also kept as same: an item is either kept or retired");
            }
            if (r.note() == null || r.note().isBlank()) {
                faults.add(name + ": a note is required, saying what became of it");
            }
            List<String> into = ids(r.into());
            if (after != null) {
                into.stream().filter(x -> !after.contains(x))
                        .forEach(x -> faults.add(name + ": into " + x + " is not an item of version " + c.to()));
            }
            Set<String> taking = takers.getOrDefault(r.item(), Set.of());
            if (!new TreeSet<>(into).equals(taking)) {
                faults.add(name + ": into " + into + " must name exactly the items whose from lists " + r.item()
                        + ", which are " + taking);
            }
        }
        takers.keySet().stream().filter(f -> !listed.contains(f) && kept.contains(f)).sorted()
                .forEach(f -> faults.add("item " + f + " is kept as same and is also the source of " + takers.get(f)
                        + ": an item whose meaning changed is retired, not kept"));
        if (before != null) {
            before.stream().filter(b -> !kept.contains(b) && !listed.contains(b))
                    .forEach(b -> faults.add("item " + b + " of version " + c.from() + " is neither kept as same nor retired"));
        }
    }
}
