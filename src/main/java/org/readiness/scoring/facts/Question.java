package org.readiness.scoring.facts;

/**
 * One item of the questionnaire being scored, answered or not. Rules need the questions as well as the answers to
 * see what is missing: an item nobody answered has no {@link Answer}, and "unknown is not good" must still reach it.
 */
public record Question(String id, String enabler, String theme, double weight, boolean critical, String text)
        implements Subject {

    @Override
    public String subject() {
        return enabler;
    }

    public String getId() {
        return id;
    }

    public String getEnabler() {
        return enabler;
    }

    public String getTheme() {
        return theme;
    }

    public double getWeight() {
        return weight;
    }

    public boolean isCritical() {
        return critical;
    }

    public String getText() {
        return text;
    }

    @Override
    public String toString() {
        return "Question " + id;
    }
}
