package org.readiness.ruleset;

import java.nio.file.Path;

/** A rule whose consequence writes a file: proof, by the file's absence, that rules from elsewhere never ran. */
final class FileWritingRule {

    static final String PATH = "gates/writes-a-file.drl";

    private FileWritingRule() {
    }

    /** DRL that, if it were ever run, would write {@code written} (it fires on any facts). */
    static String writing(Path written, String text) {
        return """
                package gates

                rule "Writes a file"
                    @id("WRITES-A-FILE")
                    @enabler("all")
                    @rationale("none")
                    @source("none")
                when
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "%s");
                end
                """.formatted(written.toString().replace('\\', '/'), text);
    }
}
