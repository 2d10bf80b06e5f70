package org.readiness.scoring.engine;

import java.util.List;

/**
 * One rule firing in a result's trace: the rule's id and name, a readable line per matched fact, and the
 * enablers, themes or "overall" those facts concern (so an explanation can group firings by what they are about).
 */
public record Firing(String rule, String name, List<String> facts, List<String> about) {
}
