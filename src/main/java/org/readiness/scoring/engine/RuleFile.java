package org.readiness.scoring.engine;

/** One file of a ruleset (a .drl file, or scoring/bands.yaml): its path relative to the rules folder, content and sha-256. */
public record RuleFile(String path, String sha256, String content) {
}
