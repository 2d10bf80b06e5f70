package org.readiness.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.readiness.identity.Role;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The service's own settings, under {@code readiness.} in application.properties. */
@ConfigMapping(prefix = "readiness")
public interface ReadinessConfig {

    Rules rules();

    Questionnaires questionnaires();

    /**
     * Folder of the embedded H2 database file; used by quarkus.datasource.jdbc.url in the default build. H2
     * refuses a path that is implicitly relative ("data"), so one is refused here, naming this setting.
     */
    @WithDefault("./data")
    @Pattern(regexp = DATA_DIR_PATTERN, message = "must be an absolute path or start with ./, ../ or ~/ "
            + "(the embedded H2 database refuses implicitly relative paths), such as ./data")
    String dataDir();

    String DATA_DIR_PATTERN = "(/|\\./|\\.\\./|~/|[A-Za-z]:[\\\\/]).*";

    Seeds seeds();

    Comparison comparison();

    Security security();

    /** The first admin of a database with none (READINESS_ADMIN_USERNAME, READINESS_ADMIN_PASSWORD). */
    Admin admin();

    Idempotency idempotency();

    DatabaseHealth databaseHealth();

    Audit audit();

    /**
     * The largest request body the API reads (413 beyond it). quarkus.http.limits.max-body-size is set above it as
     * the transport's last guard, so that this limit is the one clients meet, in the API's error shape.
     */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** The audit chain's key and where its head is published (docs/security.md#audit-log). */
    interface Audit {
        /**
         * The HMAC key of new audit rows (READINESS_AUDIT_KEY), 32 characters or more. Required with PostgreSQL;
         * the embedded default makes one in readiness.data-dir/audit.key when it is absent.
         */
        Optional<String> key();

        /** Earlier keys (READINESS_AUDIT_OLD_KEYS, comma-separated): rows made with them still verify; none is used to write. */
        Optional<List<String>> oldKeys();

        /** The head (sequence and hash) is logged after every this many appends, and at start and shutdown. */
        @WithDefault("1000")
        @Min(value = 1, message = "must be at least 1")
        int publishEvery();
    }

    interface Idempotency {
        /** How long the first answer to a request sent with an Idempotency-Key is kept and replayed. */
        @WithDefault("PT24H")
        Duration retention();
    }

    interface Security {
        /** database: users in app_user, HTTP Basic; oidc: bearer tokens from quarkus.oidc.* (see docs/security.md). */
        @WithDefault("database")
        Mode mode();

        /**
         * The roles that may read /q/metrics (over HTTP Basic); nobody else, in every profile. A
         * scraper signs in as a user of one of them (docs/operations.md).
         */
        @WithDefault(Role.R_ADMIN)
        List<@Pattern(regexp = ROLE_PATTERN, message = "must be one of " + ROLE_PATTERN) String> metricsRoles();

        String ROLE_PATTERN = "respondent|org-lead|analyst|auditor|admin";

        /** /q/openapi and /q/swagger-ui open to anyone (true) or to admins only (false). */
        @WithDefault("false")
        boolean openApiDocs();

        /** bcrypt cost (log2 of its rounds) of new password hashes; a stored hash keeps the cost it was made with. */
        @WithDefault("10")
        @Min(value = 4, message = "must be 4 to 31")
        @jakarta.validation.constraints.Max(value = 31, message = "must be 4 to 31")
        int passwordCost();

        Login login();

        Oidc oidc();
    }

    enum Mode {
        DATABASE, OIDC
    }

    /** Failed logins (docs/security.md, "Failed logins"; org.readiness.account.LoginThrottle). */
    interface Login {
        /** Failed logins of one username from one address before the first lock-out of that pair. */
        @WithDefault("5")
        @Min(value = 1, message = "must be at least 1")
        int maxFailures();

        /** The first lock-out of a (username, address); each further failure doubles it. */
        @WithDefault("PT1M")
        Duration lockout();

        /** The longest lock-out of a (username, address). */
        @WithDefault("PT1H")
        Duration maxLockout();

        /** A (username, address) with no failure for this long starts afresh (a success clears it at once). */
        @WithDefault("P1D")
        Duration forgetAfter();

        /** Failed logins of one username from all addresses per {@link #window()}; beyond, new addresses wait. */
        @WithDefault("20")
        @Min(value = 1, message = "must be at least 1")
        int maxFailuresPerUser();

        /** Failed logins from one address for all usernames per {@link #window()}; beyond, it waits. */
        @WithDefault("100")
        @Min(value = 1, message = "must be at least 1")
        int maxFailuresPerAddress();

        /** The time over which the per-user and per-address counts drain. */
        @WithDefault("PT1H")
        Duration window();

        /** How long a successful login keeps its (username, address) exempt from the per-user and per-address limits. */
        @WithDefault("P30D")
        Duration remember();

        /** How often failed logins and lock-outs are written to the audit log, coalesced. */
        @WithDefault("PT1M")
        Duration auditInterval();
    }

    interface Oidc {
        /** Claims holding the roles, as paths with '/' between levels; every one found is read. */
        @WithDefault("roles,realm_access/roles")
        List<String> rolesClaims();

        /** Claim holding the organisation code of a respondent or org-lead. */
        @WithDefault("organisation")
        String organisationClaim();
    }

    interface Admin {
        Optional<String> username();

        Optional<String> password();
    }

    interface Rules {
        /** Folder of DRL files, one sub-folder per DRL package; relative paths resolve against the working directory. */
        @WithDefault("rules")
        Path path();

        /** Folder whose sub-folders are candidate rulesets that impact analysis may name. */
        @WithDefault("rules-drafts")
        Path draftsPath();

        /**
         * Folder where compiled rulesets are kept by version, so that a start or reload with unchanged rules
         * skips the DRL compile (see RulesetCache); unset, the rules are compiled every time.
         */
        Optional<Path> cachePath();
    }

    interface Questionnaires {
        /** Folder of questionnaire files, one per id and version. */
        @WithDefault("questionnaires")
        Path path();
    }

    interface Seeds {
        /** Load the demo organisations and assessments when the database holds no organisation yet. */
        @WithDefault("true")
        boolean enabled();

        /** Folder of seed files (*.yaml). */
        @WithDefault("seeds")
        Path path();
    }

    interface Comparison {
        /**
         * The fewest organisations a cohort may have before its statistics (n, quartiles, median) are shown.
         * Smaller groups are suppressed, as public-sector statistics disclosure practice asks: with two or three
         * organisations a median all but names them.
         */
        @WithDefault("5")
        @Min(value = 1, message = "must be at least 1")
        int minCohort();
    }

    /** The database-writes readiness check (docs/reliability.md, "Writes refused"). */
    interface DatabaseHealth {
        /** How old the result of the probe write may be before a readiness call runs it again. */
        @WithDefault("10S")
        Duration probeInterval();

        /** Unexpected database errors answering requests within the window that make readiness DOWN. */
        @WithDefault("5")
        @Min(value = 1, message = "must be at least 1")
        int failureThreshold();

        @WithDefault("30S")
        Duration failureWindow();
    }
}
