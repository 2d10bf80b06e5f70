package org.readiness.ruleset;

import org.readiness.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.readiness.scoring.RulesFixture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class RuleCatalogResourceTest {

    @Test
    void listsEveryRuleWithItsMetadataFileLineAndText() throws Exception {
        // The line is where the rule's "rule" keyword stands in its file, read here from the file itself.
        List<String> lines = Files.readAllLines(Path.of("rules/gates/programme-gates.drl"));
        int idLine = lines.indexOf("    @id(\"GATE-NO-LEAD\")");
        int ruleLine = idLine;
        while (!lines.get(ruleLine).startsWith("rule \"")) {
            ruleLine--;
        }
        Api.analyst().get("/api/v1/rules").then().statusCode(200)
                .body("", hasSize(RulesFixture.RULESET.rules().size()))
                .body("id", hasItem("GATE-NO-LEAD"))
                .body("find { it.id == 'GATE-NO-LEAD' }.file", equalTo("gates/programme-gates.drl"))
                .body("find { it.id == 'GATE-NO-LEAD' }.line", equalTo(ruleLine + 1))
                .body("find { it.id == 'GATE-NO-LEAD' }.drl", startsWith(lines.get(ruleLine)))
                .body("find { it.id == 'GATE-NO-LEAD' }.drl", startsWith("rule \"Without a dedicated lead known to be in post"))
                .body("find { it.id == 'GATE-NO-LEAD' }.source", startsWith("Delivery personnel and collaboration > A dedicated lead, paragraph"))
                // A gate makes no next step, so it has no priority; a rule that makes steps shows theirs.
                .body("find { it.id == 'GATE-NO-LEAD' }.priority", nullValue())
                .body("find { it.id == 'REC-DL-APPOINT' }.priority", equalTo(1))
                .body("rationale.size()", greaterThan(0));
    }

    @Test
    void filtersByEnabler() {
        Api.analyst().queryParam("enabler", "governance").get("/api/v1/rules").then().statusCode(200)
                .body("enabler", everyItem(equalTo("governance")))
                .body("id", hasItem("REC-GV-SENIOR"));
        Api.analyst().queryParam("enabler", "nothing-like-this").get("/api/v1/rules").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void showsOneRuleOr404() {
        Api.analyst().get("/api/v1/rules/REC-DL-APPOINT").then().statusCode(200)
                .body("enabler", equalTo("dedicated-lead"))
                .body("drlPackage", equalTo("recommendations"));
        Api.analyst().get("/api/v1/rules/NO-SUCH-RULE").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void describesTheActiveRulesetWithEachFilesDigest() throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readString(Path.of("rules/gates/programme-gates.drl")).getBytes(StandardCharsets.UTF_8)));
        Api.analyst().get("/api/v1/ruleset").then().statusCode(200)
                .body("version", equalTo(RulesFixture.RULESET.version()))
                .body("rules", equalTo(RulesFixture.RULESET.rules().size()))
                .body("files.find { it.path == 'gates/programme-gates.drl' }.sha256", equalTo(digest))
                .body("loadedAt", org.hamcrest.Matchers.notNullValue());
    }
}
