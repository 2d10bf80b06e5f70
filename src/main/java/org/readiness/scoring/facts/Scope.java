package org.readiness.scoring.facts;

/**
 * What the assessment covers: the whole organisation, or one service area named by {@code area}. The rules read it
 * where the report's advice depends on the level, such as who a governance group should report to.
 */
public record Scope(boolean wholeOrganisation, String area) {

    public static final Scope WHOLE_ORGANISATION = new Scope(true, null);

    /** The longest service-area name an assessment or a what-if scoring may give. */
    public static final int MAX_AREA = 200;

    /** A blank or absent area is the whole organisation. */
    public static Scope of(String area) {
        return area == null || area.isBlank() ? WHOLE_ORGANISATION : new Scope(false, area.strip());
    }

    public boolean isWholeOrganisation() {
        return wholeOrganisation;
    }

    public String getArea() {
        return area;
    }

    @Override
    public String toString() {
        return wholeOrganisation ? "Scope whole organisation" : "Scope service area " + area;
    }
}
