package org.readiness.scoring.engine;

/** One DRL file of a ruleset: its path relative to the rules folder, content and sha-256. */
public record RuleFile(String path, String sha256, String content) {
}
