package org.readiness.scoring.facts;

/**
 * An enabler of the questionnaire being scored: its theme and how many items inform it (the denominator
 * of evidence coverage). Named EnablerFact because Drools' DRL resolver does not resolve a fact type
 * called plain {@code Enabler}.
 */
public record EnablerFact(String id, String theme, int items) implements Subject {

    @Override
    public String subject() {
        return id;
    }

    public String getId() {
        return id;
    }

    public String getTheme() {
        return theme;
    }

    public int getItems() {
        return items;
    }
}
