package org.readiness.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetService;

/**
 * Ready only with a ruleset to score with. (The database half of readiness is the datasource check that
 * Quarkus adds for every datasource, and DatabaseWritesCheck.)
 */
@Readiness
@ApplicationScoped
public class RulesetLoadedCheck implements HealthCheck {

    @Inject
    RulesetService rulesets;

    @Override
    public HealthCheckResponse call() {
        Ruleset active = rulesets.active();
        if (active == null) {
            return HealthCheckResponse.down("ruleset");
        }
        return HealthCheckResponse.named("ruleset").up()
                .withData("version", active.version())
                .withData("rules", active.rules().size())
                .withData("loadedAt", active.loadedAt().toString())
                .build();
    }
}
