package org.readiness.organisation;

/** The kinds of body that take part in the programme. */
public enum OrganisationType {
    LOCAL_AUTHORITY, HEALTH_BOARD, THIRD_SECTOR, OTHER
}
