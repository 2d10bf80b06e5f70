package org.readiness.ruleset;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.Map;

/**
 * How many stored results each rule fired in, counted in the database from result_fired_rule. The queries name the
 * entity by its JPQL name only: the catalogue reads what assessments stored without standing above them.
 */
@ApplicationScoped
public class FiredRuleCounts {

    @Transactional
    public Map<String, Long> all() {
        Map<String, Long> counts = new HashMap<>();
        Panache.getEntityManager()
                .createQuery("SELECT r.key.ruleId, COUNT(r) FROM ResultFiredRule r GROUP BY r.key.ruleId", Object[].class)
                .getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    @Transactional
    public long of(String ruleId) {
        return Panache.getEntityManager()
                .createQuery("SELECT COUNT(r) FROM ResultFiredRule r WHERE r.key.ruleId = :rule", Long.class)
                .setParameter("rule", ruleId).getSingleResult();
    }
}
