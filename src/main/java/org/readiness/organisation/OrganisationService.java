package org.readiness.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.audit.AuditLog;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.transaction.Transactional;
import org.readiness.identity.Access;
import org.readiness.identity.Stamp;
import org.readiness.persistence.Conflicts;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class OrganisationService {

    /**
     * A Scottish GSS statistical code (S12000035 is Argyll and Bute council area, S08... a health board), or,
     * for a charity with no such code, its Scottish charity number (SC012345).
     */
    static final String CODE_PATTERN = "S[0-9]{8}|SC[0-9]{6}";
    private static final Set<String> FIELDS = Set.of("code", "name", "type", "region");

    @Inject
    AuditLog audit;

    /** What a client sends; checked in full before anything is written. */
    public record NewOrganisation(String code, String name, OrganisationType type, String region) {
    }

    /** Validates {@code {"code","name","type","region"?}} and lists every problem found with a pointer. */
    public static NewOrganisation read(JsonNode body) {
        RequestBody.requireObject(body, "code, name, type and region");
        List<Violation> problems = new ArrayList<>();
        RequestBody.unknownFields(body, FIELDS, problems);
        String code = RequestBody.text(body, "code", true, 9, problems);
        if (code != null && !code.matches(CODE_PATTERN)) {
            problems.add(new Violation("/code", "must be a Scottish statistical code such as S12000035, "
                    + "or a Scottish charity number such as SC012345; found " + RequestBody.abbreviate(code)));
        }
        String name = RequestBody.text(body, "name", true, 200, problems);
        OrganisationType type = type(body.get("type"), problems);
        String region = RequestBody.text(body, "region", false, 100, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the organisation", problems);
        }
        return new NewOrganisation(code, name, type, region);
    }

    @Transactional
    public Organisation create(NewOrganisation request, Stamp stamp) {
        String duplicate = "An organisation with code " + request.code() + " already exists";
        if (Organisation.findByCode(request.code()).isPresent()) {
            throw Conflicts.conflict(duplicate);
        }
        // A concurrent create of the same code passes the check above; the unique key then refuses it.
        Organisation created = Conflicts.write(duplicate, () -> {
            Organisation organisation = new Organisation();
            organisation.code = request.code();
            organisation.name = request.name();
            organisation.type = request.type();
            organisation.region = request.region();
            organisation.createdBy = stamp.by();
            organisation.createdAt = stamp.at();
            organisation.persist();
            Panache.getEntityManager().flush();
            return organisation;
        });
        audit.append("organisation.create", "organisation/" + created.code, null,
                OrganisationResource.OrganisationView.of(created), stamp);
        return created;
    }

    @Transactional
    public List<Organisation> list() {
        return Organisation.listByName();
    }

    @Transactional
    public Organisation get(String code) {
        return Organisation.findByCode(code).orElseThrow(() -> Access.organisationNotFound(code));
    }

    @Transactional
    public boolean none() {
        return Organisation.count() == 0;
    }

    private static OrganisationType type(JsonNode node, List<Violation> problems) {
        String allowed = Arrays.stream(OrganisationType.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (node == null || node.isNull()) {
            problems.add(new Violation("/type", "required: one of " + allowed));
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Violation("/type", "must be one of " + allowed));
            return null;
        }
        try {
            return OrganisationType.valueOf(node.asText());
        } catch (IllegalArgumentException e) {
            problems.add(new Violation("/type", "must be one of " + allowed + "; found "
                    + RequestBody.abbreviate(node.asText())));
            return null;
        }
    }
}
