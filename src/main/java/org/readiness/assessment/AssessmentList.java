package org.readiness.assessment;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.readiness.assessment.AssessmentRequests.ListQuery;
import org.readiness.assessment.AssessmentViews.AssessmentSummary;
import org.readiness.assessment.AssessmentViews.Page;
import org.readiness.identity.Access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pages of assessments, filtered to what the caller may read; for the API and the organisation pages. */
@ApplicationScoped
public class AssessmentList {

    /**
     * Newest first, only what {@code caller} may read (see {@link Access}). An organisation code that matches
     * none, or one the caller may not see, gives an empty page, like any other filter.
     */
    @Transactional
    public Page<AssessmentSummary> list(ListQuery query, Access.Caller caller) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.national()) {
            where.append(" and a.organisation.code = :mine");
            parameters.put("mine", caller.organisation().orElse(""));
            if (!caller.lead()) {
                where.append(" and (a.createdBy = :me or a.submittedBy = :me)");
                parameters.put("me", caller.name());
            }
        }
        if (query.organisation() != null) {
            where.append(" and a.organisation.code = :organisation");
            parameters.put("organisation", query.organisation());
        }
        if (query.status() != null) {
            where.append(" and a.status = :status");
            parameters.put("status", query.status());
        }
        var em = Panache.getEntityManager();
        var select = em.createQuery("select a, r from Assessment a join fetch a.organisation"
                + " left join AssessmentResult r on r.assessmentId = a.id" + where
                + " order by a.createdAt desc, a.id", Object[].class);
        var count = em.createQuery("select count(a) from Assessment a" + where, Long.class);
        parameters.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AssessmentSummary> items = select.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList().stream()
                .map(row -> AssessmentSummary.of((Assessment) row[0], (AssessmentResult) row[1]))
                .toList();
        return new Page<>(items, query.page(), query.size(), count.getSingleResult());
    }
}
