package org.readiness.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package floors of docs/architecture.md, checked on the compiled application: a package may use the packages on
 * its own floor and below, never one above, and no packages form a cycle. Plain JUnit: no application start.
 */
class FloorsTest {

    /** Top to bottom. Each entry is one floor: the packages (under org.readiness) that stand on it. */
    static final List<List<String>> FLOORS = List.of(
            List.of("http"),                              // HTTP edge: problem mappers, hardening, body guard, OpenAPI filter
            List.of("web"),                               // the pages
            List.of("seed"),                              // demo data, through the services
            List.of("comparison"),                        // comparison, progress, targets, what each exports
            List.of("comparison.export"),                 // tables written as CSV or XLSX
            List.of("assessment"),                        // drafts, results, their access checks, replay, explanation
            List.of("scoring"),                           // the scoring service and the what-if endpoint
            List.of("ruleset"),                           // active ruleset, compiler, cache, archive, catalogue, impact
            List.of("scoring.engine", "scoring.facts"),   // one scoring run: facts in, ratings out
            List.of("questionnaire"),
            List.of("account"),                           // users, sign-in, lock-out, web sessions
            List.of("organisation"),
            List.of("audit"),                             // the audit log only
            List.of("persistence"),                       // conflicts, database faults, idempotency, digests
            List.of("identity"),                          // who is calling: roles, caller, stamp
            List.of("problem", "config"));                // the shared kernel

    private static JavaClasses application;

    @BeforeAll
    static void importApplication() {
        application = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.readiness");
    }

    @Test
    void everyApplicationPackageStandsOnAFloor() {
        List<String> placed = FLOORS.stream().flatMap(List::stream).map(p -> "org.readiness." + p).toList();
        List<String> unplaced = application.stream().map(c -> c.getPackageName())
                .filter(p -> !p.equals("org.readiness") && placed.stream().noneMatch(p::equals)).distinct().sorted().toList();
        assertThat(unplaced).as("packages missing from FLOORS").isEmpty();
    }

    @Test
    void noPackageUsesAPackageOnAFloorAboveIt() {
        List<String> violations = new ArrayList<>();
        for (int floor = 1; floor < FLOORS.size(); floor++) {
            List<String> above = new ArrayList<>();
            FLOORS.subList(0, floor).forEach(f -> f.forEach(p -> above.add("org.readiness." + p)));
            String[] here = FLOORS.get(floor).stream().map(p -> "org.readiness." + p).toArray(String[]::new);
            ArchRule rule = noClasses().that().resideInAnyPackage(here)
                    .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                    .because("a floor uses only its own floor and those below it (docs/architecture.md)");
            violations.addAll(rule.evaluate(application).getFailureReport().getDetails());
        }
        assertThat(violations).as("dependencies on a floor above").isEmpty();
    }

    @Test
    void noPackagesFormACycle() {
        slices().matching("org.readiness.(**)").should().beFreeOfCycles().check(application);
    }
}
