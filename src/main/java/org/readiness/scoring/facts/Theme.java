package org.readiness.scoring.facts;

/** A theme of the questionnaire being scored, and how many enablers it groups. */
public record Theme(String id, int enablers, String title) implements Subject {

    @Override
    public String subject() {
        return id;
    }

    public String getId() {
        return id;
    }

    public int getEnablers() {
        return enablers;
    }

    public String getTitle() {
        return title;
    }
}
