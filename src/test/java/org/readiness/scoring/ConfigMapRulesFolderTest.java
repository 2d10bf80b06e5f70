package org.readiness.scoring;

import org.readiness.ruleset.RulesetCompiler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rules folder mounted from a Kubernetes ConfigMap (with items giving each key its path) holds, for each
 * top-level entry, a link through ..data to a hidden timestamped folder with the real files. It must read as the
 * plain folder does: same files, same relative paths, so the same ruleset version.
 */
class ConfigMapRulesFolderTest {

    @Test
    void aConfigMapVolumeReadsAsThePlainFolder(@TempDir Path tmp) throws IOException {
        Path plain = Path.of("rules");
        Path mounted = tmp.resolve("rules");
        Path stamped = mounted.resolve("..2026_11_26_15_00_00.000000001");
        copyRulesetFiles(plain, stamped);
        Files.createSymbolicLink(mounted.resolve("..data"), stamped.getFileName());
        try (Stream<Path> top = Files.list(stamped)) {
            for (Path entry : top.toList()) {
                Files.createSymbolicLink(mounted.resolve(entry.getFileName()), Path.of("..data").resolve(entry.getFileName()));
            }
        }

        Map<String, String> expected = RulesetCompiler.readFolder(plain);
        Map<String, String> read = RulesetCompiler.readFolder(mounted);

        assertThat(read).isEqualTo(expected);
        assertThat(read.keySet()).allSatisfy(path -> assertThat(path).doesNotStartWith("."));
        assertThat(expected).isNotEmpty().containsKey("scoring/bands.yaml").containsKey("ruleset.yaml");
    }

    /**
     * What a ConfigMap of the rules holds (the items in application.properties): the .drl files, scoring/bands.yaml and
     * ruleset.yaml, the questionnaire versions the rules serve.
     */
    private static void copyRulesetFiles(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".drl") || f.endsWith(Path.of("scoring", "bands.yaml"))
                    || f.equals(from.resolve("ruleset.yaml"))).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }
}
