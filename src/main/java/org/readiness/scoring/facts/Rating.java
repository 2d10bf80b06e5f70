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
    private double weight = 1.0;
    private Double counted;
    private Double floor;

    private Rating(Level level, String id, String theme, Double score, int answered, int total, Band band) {
        this.level = level;
        this.id = id;
        this.theme = theme;
        this.score = score;
        this.answered = answered;
        this.total = total;
        this.uncappedBand = band;
        this.band = band;
        this.counted = score;
    }

    /** This rating's weight in the mean of the level above (an enabler's weight in its theme). */
    public Rating weighted(double weight) {
        this.weight = weight;
        return this;
    }

    /**
     * The score this rating would have if every input it lacks ("don't know", unanswered, or unrated below it) sat at
     * the bottom of the scale. A rating is never banded above its floor's band, so what is unknown never rates better
     * than the weakest evidence would.
     */
    public Rating withFloor(double floor) {
        this.floor = floor;
        this.counted = counted == null ? floor : Math.min(counted, floor);
        return this;
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

    public double getWeight() {
        return weight;
    }

    /**
     * The score that counts in the level above: the score itself, or, under a gate, no more than the top of the band the
     * gate allows, so that a gate is felt in the theme and overall ratings as well as in this one.
     */
    public Double getCounted() {
        return counted;
    }

    public void setCounted(Double counted) {
        this.counted = counted;
    }

    public Double getFloor() {
        return floor;
    }

    @Override
    public String toString() {
        return "Rating " + level.name().toLowerCase() + " " + id + " = " + (score == null ? "no score" : score)
                + " (" + answered + "/" + total + ")" + (band == null ? "" : " " + band);
    }
}
