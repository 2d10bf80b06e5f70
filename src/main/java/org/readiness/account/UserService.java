package org.readiness.account;

import org.readiness.identity.Role;
import org.readiness.identity.Stamp;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.readiness.audit.AuditLog;
import org.readiness.config.ReadinessConfig;
import org.readiness.organisation.Organisation;
import org.readiness.persistence.Conflicts;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Users of the embedded default. Passwords are stored only as bcrypt hashes and never logged or returned.
 * Every create and change is audited; the audited state holds the password hash's digest, never the password.
 */
@ApplicationScoped
public class UserService {

    static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._@-]{1,99}";
    @Inject
    AuditLog audit;

    @Inject
    ReadinessConfig config;

    @Inject
    Event<VerifiedCredentials.UserChanged> changed;

    /** A user as the API shows it: never the password. */
    public record UserView(String username, List<String> roles, String organisation, String createdBy,
                           Instant createdAt, Instant updatedAt) {
        static UserView of(AppUser u) {
            return new UserView(u.username, UserService.roles(u.roles), u.organisation == null ? null : u.organisation.code,
                    u.createdBy, u.createdAt, u.updatedAt);
        }
    }

    public record NewUser(String username, String password, Set<Role> roles, String organisation) {
        @Override
        public String toString() {
            return "NewUser[" + username + ", " + roles + ", " + organisation + "]";
        }
    }

    /** What a PUT may change; absent fields keep their value. */
    public record Change(Optional<String> password, Optional<Set<Role>> roles, Optional<Optional<String>> organisation) {
        @Override
        public String toString() {
            return "Change[roles " + roles + ", organisation " + organisation + "]";
        }
    }

    public static NewUser readNew(JsonNode body) {
        RequestBody.requireObject(body, "username, password, roles and organisation");
        List<Violation> problems = new ArrayList<>();
        RequestBody.unknownFields(body, Set.of("username", "password", "roles", "organisation"), problems);
        String username = RequestBody.text(body, "username", true, 100, problems);
        if (username != null && !username.matches(USERNAME_PATTERN)) {
            problems.add(new Violation("/username", "must be 2 to 100 of a-z, 0-9, '.', '_', '@', '-', starting with a "
                    + "letter or digit; found " + RequestBody.abbreviate(username)));
        }
        String password = password(body, true, problems);
        Set<Role> roles = roles(body, true, problems);
        String organisation = RequestBody.text(body, "organisation", false, 9, problems);
        if (roles != null) {
            organisationFits(roles, organisation, problems);
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the user", problems);
        }
        return new NewUser(username, password, roles, organisation);
    }

    public static Change readChange(JsonNode body) {
        RequestBody.requireObject(body, "password, roles and/or organisation");
        List<Violation> problems = new ArrayList<>();
        RequestBody.unknownFields(body, Set.of("password", "roles", "organisation"), problems);
        String password = password(body, false, problems);
        Set<Role> roles = roles(body, false, problems);
        Optional<Optional<String>> organisation = body.has("organisation")
                ? Optional.of(Optional.ofNullable(RequestBody.text(body, "organisation", false, 9, problems)))
                : Optional.empty();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the change", problems);
        }
        return new Change(Optional.ofNullable(password), Optional.ofNullable(roles), organisation);
    }

    @Transactional
    public UserView create(NewUser request, Stamp stamp) {
        String duplicate = "A user named " + request.username() + " exists already";
        if (AppUser.findByUsername(request.username()).isPresent()) {
            throw Conflicts.conflict(duplicate);
        }
        AppUser u = new AppUser();
        u.username = request.username();
        u.password = BcryptUtil.bcryptHash(request.password(), config.security().passwordCost());
        u.roles = request.roles().stream().map(Role::id).collect(Collectors.joining(","));
        u.organisation = organisation(request.organisation());
        u.createdBy = stamp.by();
        u.createdAt = stamp.at();
        u.updatedAt = stamp.at();
        Conflicts.write(duplicate, () -> {
            u.persist();
            return u;
        });
        audit.append("user.create", "user/" + u.username, null, auditedState(u), stamp);
        return UserView.of(u);
    }

    @Transactional
    public UserView change(String username, Change change, Stamp stamp) {
        AppUser u = AppUser.findByUsername(username).orElseThrow(() -> ProblemException.notFound(
                "No user " + RequestBody.abbreviate(username)));
        Map<String, Object> before = auditedState(u);
        Set<Role> roles = change.roles().orElse(roleSet(u.roles));
        String organisation = change.organisation().isPresent() ? change.organisation().get().orElse(null)
                : u.organisation == null ? null : u.organisation.code;
        List<Violation> problems = new ArrayList<>();
        organisationFits(roles, organisation, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the change", problems);
        }
        if (change.password().isEmpty() && roles.equals(roleSet(u.roles))
                && java.util.Objects.equals(organisation, u.organisation == null ? null : u.organisation.code)) {
            return UserView.of(u); // nothing changes: nothing to write, audit or forget
        }
        if (roleSet(u.roles).contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && !anotherAdmin(u)) {
            throw Conflicts.conflict(u.username + " is the last admin: it cannot lose the admin role, or no one could "
                    + "manage users any more. Give another user the admin role first");
        }
        u.roles = roles.stream().map(Role::id).collect(Collectors.joining(","));
        u.organisation = organisation(organisation);
        change.password().ifPresent(p -> u.password = BcryptUtil.bcryptHash(p, config.security().passwordCost()));
        u.updatedAt = stamp.at();
        Panache.getEntityManager().flush();
        audit.append("user.change", "user/" + u.username, before, auditedState(u), stamp);
        // Credentials of this user verified before the change are forgotten once the change commits.
        changed.fire(new VerifiedCredentials.UserChanged(u.username));
        return UserView.of(u);
    }

    @Transactional
    public List<UserView> list() {
        return AppUser.<AppUser>list("order by username").stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView get(String username) {
        return AppUser.findByUsername(username).map(UserView::of)
                .orElseThrow(() -> ProblemException.notFound("No user " + RequestBody.abbreviate(username)));
    }

    @Transactional
    public boolean anyAdmin() {
        return AppUser.<AppUser>streamAll().anyMatch(u -> roleSet(u.roles).contains(Role.ADMIN));
    }

    /**
     * Whether a user other than {@code u} has the admin role. The admins are locked (in id order, so that two such
     * changes cannot deadlock) until the change commits: two admins taking each other's role at once would
     * otherwise both see the other one and leave none.
     */
    private static boolean anotherAdmin(AppUser u) {
        return Panache.getEntityManager()
                .createQuery("select u from AppUser u where u.roles like :admin order by u.id", AppUser.class)
                .setParameter("admin", "%" + Role.ADMIN.id() + "%").setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().anyMatch(other -> !other.id.equals(u.id) && roleSet(other.roles).contains(Role.ADMIN));
    }

    @Transactional
    public boolean exists(String username) {
        return AppUser.findByUsername(username).isPresent();
    }

    /** What the audit rows of a user hold the digest of; AuditVerifier holds app_user to it. */
    public static Map<String, Object> auditedState(AppUser u) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", u.username);
        state.put("roles", u.roles);
        state.put("organisation", u.organisation == null ? null : u.organisation.code);
        // The digest of the bcrypt hash: a password change changes the audited state; nothing about the password leaks.
        state.put("password", org.readiness.persistence.Digests.sha256(u.password));
        return state;
    }

    private static Organisation organisation(String code) {
        if (code == null) {
            return null;
        }
        return Organisation.findByCode(code).orElseThrow(() -> ProblemException.invalid("1 problem(s) found in the user",
                List.of(new Violation("/organisation", "no organisation " + RequestBody.abbreviate(code)))));
    }

    private static void organisationFits(Set<Role> roles, String organisation, List<Violation> problems) {
        boolean organisational = roles.stream().anyMatch(Role::organisational);
        boolean national = roles.stream().anyMatch(r -> !r.organisational());
        if (organisational && national) {
            problems.add(new Violation("/roles", "respondent and org-lead act for one organisation; analyst, auditor "
                    + "and admin for none: a user cannot have both kinds"));
        } else if (organisational && organisation == null) {
            problems.add(new Violation("/organisation", "required for a respondent or org-lead"));
        } else if (national && organisation != null) {
            problems.add(new Violation("/organisation", "must be absent for analyst, auditor and admin"));
        }
    }

    private static String password(JsonNode body, boolean required, List<Violation> problems) {
        JsonNode node = body.get("password");
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Violation("/password", "required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Violation("/password", "must be text"));
            return null;
        }
        // The value is never repeated back.
        List<String> wrong = Passwords.problems(node.asText());
        wrong.forEach(problem -> problems.add(new Violation("/password", problem)));
        return wrong.isEmpty() ? node.asText() : null;
    }

    private static Set<Role> roles(JsonNode body, boolean required, List<Violation> problems) {
        JsonNode node = body.get("roles");
        String allowed = Arrays.stream(Role.values()).map(Role::id).collect(Collectors.joining(", "));
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Violation("/roles", "required: a list of one or more of " + allowed));
            }
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(new Violation("/roles", "must be a list of one or more of " + allowed));
            return null;
        }
        Set<Role> roles = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            Optional<Role> role = r.isTextual() ? Role.of(r.asText()) : Optional.empty();
            if (role.isEmpty()) {
                problems.add(new Violation("/roles/" + i, "must be one of " + allowed + "; found "
                        + RequestBody.abbreviate(r.toString())));
            } else {
                roles.add(role.get());
            }
        }
        return roles;
    }

    static Set<Role> roleSet(String roles) {
        return Arrays.stream(roles.split(",")).map(String::trim).map(Role::of).flatMap(Optional::stream)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static List<String> roles(String roles) {
        return roleSet(roles).stream().map(Role::id).toList();
    }
}
