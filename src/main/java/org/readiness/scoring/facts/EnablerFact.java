package org.readiness.scoring.facts;

/**
 * An enabler of the questionnaire being scored: its theme and how many items inform it (the denominator
 * of evidence coverage). Named EnablerFact because Drools' DRL resolver does not resolve a fact type
 * called plain {@code Enabler}.
 */
public record EnablerFact(String id, String theme, int items, String title, double weight) implements Subject {

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

    public String getTitle() {
        return title;
    }

    /** The enabler's weight in its theme's mean, from the questionnaire. */
    public double getWeight() {
        return weight;
    }
}
