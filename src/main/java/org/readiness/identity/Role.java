package org.readiness.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five roles. Use the constants in {@code @RolesAllowed}. Organisation roles (respondent, org-lead) act
 * for exactly one organisation; national roles (analyst, auditor, admin) for none and may read every
 * organisation's things.
 */
public enum Role {
    RESPONDENT(Role.R_RESPONDENT, true),
    ORG_LEAD(Role.R_ORG_LEAD, true),
    ANALYST(Role.R_ANALYST, false),
    AUDITOR(Role.R_AUDITOR, false),
    ADMIN(Role.R_ADMIN, false);

    public static final String R_RESPONDENT = "respondent";
    public static final String R_ORG_LEAD = "org-lead";
    public static final String R_ANALYST = "analyst";
    public static final String R_AUDITOR = "auditor";
    public static final String R_ADMIN = "admin";

    private final String id;
    private final boolean organisational;

    Role(String id, boolean organisational) {
        this.id = id;
        this.organisational = organisational;
    }

    public String id() {
        return id;
    }

    /** True for respondent and org-lead, which must belong to an organisation. */
    public boolean organisational() {
        return organisational;
    }

    public static Optional<Role> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
