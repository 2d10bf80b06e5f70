package org.readiness.scoring.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * The rating of one enabler, theme or the whole organisation. Inserted by the scoring rules with a
 * score (or none, for insufficient evidence); the band rules then set {@code uncappedBand} and
 * {@code band}, and gate rules may lower {@code band}, naming themselves in {@code cappedBy}.
 */
public class Rating implements Subject {

    public static final String OVERALL = "overall";

    private final Level level;
    private final String id;
    private final String theme;
    private final Double score;
    private final int answered;
    private final int total;
    private Band uncappedBand;
    private Band band;
    private List<String> cappedBy = List.of();

    private Rating(Level level, String id, String theme, Double score, int answered, int total, Band band) {
        this.level = level;
        this.id = id;
        this.theme = theme;
        this.score = score;
        this.answered = answered;
        this.total = total;
        this.uncappedBand = band;
        this.band = band;
    }

    /** {@code answered} of {@code total} parts (items, enablers or themes) carried a score. */
    public static Rating scored(Level level, String id, String theme, double score, Number answered, Number total) {
        return new Rating(level, id, theme, score, answered.intValue(), total.intValue(), null);
    }

    public static Rating insufficient(Level level, String id, String theme, Number answered, Number total) {
        return new Rating(level, id, theme, null, answered.intValue(), total.intValue(), Band.INSUFFICIENT_EVIDENCE);
    }

    /** The gates named so far plus {@code gate}, sorted so that the same answers always read the same. */
    public List<String> cappedByWith(String gate) {
        List<String> gates = new ArrayList<>(cappedBy);
        gates.add(gate);
        gates.sort(null);
        return List.copyOf(gates);
    }

    @Override
    public String subject() {
        return id;
    }

    public Level getLevel() {
        return level;
    }

    public String getId() {
        return id;
    }

    public String getTheme() {
        return theme;
    }

    public Double getScore() {
        return score;
    }

    public int getAnswered() {
        return answered;
    }

    public int getTotal() {
        return total;
    }

    public Band getUncappedBand() {
        return uncappedBand;
    }

    public void setUncappedBand(Band uncappedBand) {
        this.uncappedBand = uncappedBand;
    }

    public Band getBand() {
        return band;
    }

    public void setBand(Band band) {
        this.band = band;
    }

    public List<String> getCappedBy() {
        return cappedBy;
    }

    public void setCappedBy(List<String> cappedBy) {
        this.cappedBy = cappedBy;
    }

    @Override
    public String toString() {
        return "Rating " + level.name().toLowerCase() + " " + id + " = " + (score == null ? "no score" : score)
                + " (" + answered + "/" + total + ")" + (band == null ? "" : " " + band);
    }
}
