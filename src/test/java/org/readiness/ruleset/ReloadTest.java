package org.readiness.ruleset;

import org.readiness.testing.Api;
import org.readiness.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Reloads against a private copy of the rules folder, so the test can break and change it. */
@QuarkusTest
@TestProfile(ReloadTest.CopiedRules.class)
public class ReloadTest {

    public static final Path FOLDER = Path.of("target", "reload-test-rules");
    static final Path DRAFTS = Path.of("target", "reload-test-drafts");
    private static final Path BROKEN = FOLDER.resolve("gates/broken.drl");
    private static final Path GATES = FOLDER.resolve("gates/programme-gates.drl");

    /**
     * A copy of rules/ that tests change and reload, on a database of its own: an impact analysis re-scores every
     * stored assessment, and the main database holds thousands by the time these tests run (ConcurrencyAtScaleTest).
     */
    public static class CopiedRules implements QuarkusTestProfile {
        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RulesCopy.class),
                    new TestResourceEntry(TestDatabase.class, Map.of(TestDatabase.DATABASE, "copied_rules")));
        }
    }

    /** Copies rules/ before the application starts and points the service at the copy. */
    public static class RulesCopy implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            copyRules();
            copy(Path.of("rules"), DRAFTS.resolve("same-as-active"));
            return Map.of("readiness.rules.path", FOLDER.toString(), "readiness.rules.drafts-path", DRAFTS.toString());
        }

        @Override
        public void stop() {
        }
    }

    @AfterEach
    void restoreRules() {
        copyRules();
        Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200);
    }

    @Test
    void reloadingUnchangedRulesKeepsTheVersion() {
        String version = activeVersion();
        Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200)
                .body("changed", equalTo(false))
                .body("previousVersion", equalTo(version))
                .body("active.version", equalTo(version));
    }

    @Test
    void aBrokenRuleIsRefusedWithFileAndLineAndTheOldRulesetKeepsServing() throws IOException {
        String version = activeVersion();
        Files.writeString(BROKEN, "package gates\n\nrule \"Broken\"\nwhen\n    Answer( question == )\nthen\nend\n");
        Api.admin().post("/api/v1/ruleset/reload").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:ruleset-invalid"))
                .body("errors.pointer", hasItem(FOLDER + "/gates/broken.drl:5"));
        assertThat(activeVersion()).isEqualTo(version);
        score().then().statusCode(200).body("ruleset.version", equalTo(version));
    }

    @Test
    void aValidChangeIsSwappedInAndNamedInEveryNewResult() throws IOException {
        String before = activeVersion();
        Files.writeString(GATES, Files.readString(GATES) + "\n// a comment changes the version too\n");
        String after = Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200)
                .body("changed", equalTo(true)).body("previousVersion", equalTo(before))
                .extract().path("active.version");
        assertThat(after).isNotEqualTo(before);
        score().then().statusCode(200).body("ruleset.version", equalTo(after));
    }

    /** Nothing in a request can point a reload elsewhere: it reads readiness.rules.path and nothing else. */
    @Test
    void aReloadReadsOnlyTheConfiguredFolderWhateverTheRequestSays() {
        String version = activeVersion();
        ImpactTest.draft("elsewhere", "gates/programme-gates.drl", gates -> gates + "\n// another version\n");
        Path elsewhere = DRAFTS.resolve("elsewhere").toAbsolutePath();
        Api.admin().queryParam("path", elsewhere.toString()).queryParam("folder", "elsewhere")
                .body(Map.of("path", elsewhere.toString(), "folder", "elsewhere", "files", Map.of()))
                .post("/api/v1/ruleset/reload").then().statusCode(200)
                .body("changed", equalTo(false)).body("active.version", equalTo(version))
                .body("active.origin", equalTo(FOLDER.toString()));
    }

    @Test
    void scoringNeverFailsNorSeesAHalfBuiltRulesetWhileReloadsSucceedAndFail() throws Exception {
        String original = activeVersion();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> scorers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                scorers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        Response r = score();
                        statuses.add(r.statusCode());
                        if (r.statusCode() == 200) {
                            versionsSeen.add(r.path("ruleset.version"));
                        }
                    }
                }));
            }
            List<String> good = new ArrayList<>(List.of(original));
            for (int round = 0; round < 4; round++) {
                Files.writeString(BROKEN, "package gates\n\nrule \"Broken\"\nwhen\n    Answer( question == )\nthen\nend\n");
                Api.admin().post("/api/v1/ruleset/reload").then().statusCode(422);
                Files.delete(BROKEN);
                Files.writeString(GATES, Files.readString(GATES) + "\n// round " + round + "\n");
                good.add(Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200).extract().path("active.version"));
            }
            for (Future<?> f : scorers) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertThat(statuses).hasSize(160).allMatch(s -> s == 200);
            assertThat(good).containsAll(versionsSeen);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response score() {
        return Api.analyst().contentType("application/json")
                .body(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "DL-01", "value", 1))))
                .post("/api/v1/score");
    }

    private static String activeVersion() {
        return Api.analyst().get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
    }

    public static void copyRules() {
        copy(Path.of("rules"), FOLDER);
    }

    /** Replaces {@code target} with a copy of {@code source}. */
    static void copy(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            for (Path p : walk.toList()) {
                Path copy = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(p, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
