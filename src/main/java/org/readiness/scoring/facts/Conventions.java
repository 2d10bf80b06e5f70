package org.readiness.scoring.facts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers the rules and the service share, from the ruleset's scoring/bands.yaml: the score range, the score
 * each band on the ladder starts at, and the share of a rating's inputs that must be scored for it to be rated
 * (its coverage minimum). Inserted into every session of a ruleset that has the file, so the band and coverage
 * rules compare against it instead of literals; Java reads the same object from the compiled ruleset.
 */
public final class Conventions {

    /**
     * What rulesets kept from before scoring/bands.yaml existed spelled out in their own DRL. Used only to read
     * those rulesets from Java (their notes and charts); their rules keep their literals and never see this fact.
     */
    public static final Conventions BEFORE_THE_FILE = new Conventions(0, 4, 0.75, Map.of(
            Band.GETTING_STARTED, 0.0, Band.DEVELOPING, 1.0, Band.ESTABLISHED, 2.0, Band.EMBEDDED, 3.0));

    private final double scaleFrom;
    private final double scaleTo;
    private final double coverage;
    private final Map<Band, Double> starts;
    private final String note;

    public Conventions(double scaleFrom, double scaleTo, double coverage, Map<Band, Double> starts) {
        this(scaleFrom, scaleTo, coverage, starts, null);
    }

    /**
     * @param starts the score each band on the ladder starts at: every such band, ascending (the loader checks)
     * @param note what every result says about its bands; null keeps the wording of rulesets that had none
     */
    public Conventions(double scaleFrom, double scaleTo, double coverage, Map<Band, Double> starts, String note) {
        if (!(scaleFrom < scaleTo) || !(coverage > 0 && coverage <= 1) || starts.containsKey(Band.INSUFFICIENT_EVIDENCE)
                || starts.size() != ladder().size() || !ascending(starts)) {
            throw new IllegalArgumentException("not a sound scale, coverage and band ladder: " + starts);
        }
        this.scaleFrom = scaleFrom;
        this.scaleTo = scaleTo;
        this.coverage = coverage;
        this.starts = Collections.unmodifiableMap(new EnumMap<>(starts));
        this.note = note == null || note.isBlank() ? null : note.strip();
    }

    /** The note on bands every result carries, when the ruleset's bands.yaml gives one. */
    public java.util.Optional<String> note() {
        return java.util.Optional.ofNullable(note);
    }

    private static boolean ascending(Map<Band, Double> starts) {
        double previous = Double.NEGATIVE_INFINITY;
        for (Band band : ladder()) {
            Double start = starts.get(band);
            if (start == null || !(start > previous)) {
                return false;
            }
            previous = start;
        }
        return true;
    }

    /** The bands a score can earn, lowest first: every band but INSUFFICIENT_EVIDENCE. */
    public static List<Band> ladder() {
        return List.of(Band.values()).stream().filter(Band::onLadder).toList();
    }

    /** The lowest score of {@code band}: reaching it is reaching the band. */
    public double startOf(Band band) {
        Double start = starts.get(band);
        if (start == null) {
            throw new IllegalArgumentException(band + " is not a band on the ladder");
        }
        return start;
    }

    /** The band of a score on the scale, as the band rules assign it. */
    /**
     * The highest score, at the two decimal places scores are kept to, that is still in {@code band}: a score held
     * within a band by a gate counts at most this much in the level above.
     */
    public double topOf(Band band) {
        List<Band> ladder = ladder();
        int at = ladder.indexOf(band);
        if (at < 0) {
            throw new IllegalArgumentException(band + " is not a band on the ladder");
        }
        return at == ladder.size() - 1 ? scaleTo : Math.round((starts.get(ladder.get(at + 1)) - 0.01) * 100.0) / 100.0;
    }

    public Band bandOf(double score) {
        Band band = Band.GETTING_STARTED;
        for (Band b : ladder()) {
            if (score >= starts.get(b)) {
                band = b;
            }
        }
        return band;
    }

    public double getScaleFrom() {
        return scaleFrom;
    }

    public double getScaleTo() {
        return scaleTo;
    }

    /** The share (0 to 1) of an enabler's items, a theme's enablers or the themes that must be scored. */
    public double getCoverage() {
        return coverage;
    }

    /** A score as people write it: a whole number without its ".0" (so the scale reads "0" to "4"). */
    public static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conventions c && c.scaleFrom == scaleFrom && c.scaleTo == scaleTo && c.coverage == coverage
                && c.starts.equals(starts);
    }

    @Override
    public int hashCode() {
        return starts.hashCode() * 31 + Double.hashCode(coverage);
    }

    @Override
    public String toString() {
        return "Conventions scale " + scaleFrom + "-" + scaleTo + ", coverage " + coverage + ", bands " + starts;
    }
}
