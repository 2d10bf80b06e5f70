package org.readiness.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.readiness.assessment.AssessmentService;
import org.readiness.assessment.NewAssessment;
import org.readiness.scoring.AnswerReader;
import org.readiness.config.ReadinessConfig;
import org.readiness.identity.Role;
import org.readiness.account.UserService;
import org.readiness.identity.Stamp;
import org.readiness.organisation.OrganisationService;
import org.readiness.problem.ProblemException;
import org.readiness.seed.SeedFile.AssessmentSeed;
import org.readiness.seed.SeedFile.OrganisationSeed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads the demo organisations and assessments under {@code readiness.seeds.path} into an empty database
 * (one with no organisation), so that a first start shows real-looking data. Idempotent: once any
 * organisation exists, it does nothing. A seed that the services refuse stops the start, naming the file
 * and every problem, as a faulty questionnaire does.
 */
@ApplicationScoped
public class DemoSeeds {

    private static final Logger LOG = Logger.getLogger(DemoSeeds.class);
    private static final String SEED_USER = "demo-seed";

    @Inject
    ReadinessConfig config;

    @Inject
    OrganisationService organisations;

    @Inject
    AssessmentService assessments;

    @Inject
    UserService users;

    /** The demo users' password: they exist only where the demo seeds were loaded. */
    public static final String DEMO_PASSWORD = "demo";

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new JavaTimeModule())
            .build();

    void onStart(@Observes StartupEvent event) {
        if (config.seeds().enabled()) {
            seedIfEmpty();
        }
    }

    /** Loads every seed file when the database has no organisation; returns how many assessments it loaded. */
    public int seedIfEmpty() {
        if (!organisations.none()) {
            LOG.debug("Demo seeds skipped: the database holds organisations already");
            return 0;
        }
        try {
            int loaded = load(config.seeds().path());
            LOG.infof("Loaded demo seeds from %s: %d assessment(s)", config.seeds().path(), loaded);
            return loaded;
        } catch (SeededElsewhere e) {
            LOG.infof("Demo seeds: organisation %s was created meanwhile (another instance is seeding); stopped", e.code);
            return 0;
        }
    }

    /** Loads every seed file in {@code folder}, whatever the database holds; returns the assessments loaded. */
    int load(Path folder) {
        int loaded = 0;
        List<String> codes = new ArrayList<>();
        for (Path file : files(folder)) {
            SeedFile seed = read(file);
            list(seed.organisations()).forEach(o -> codes.add(o.code()));
            loaded += load(file, seed);
        }
        demoUsers(codes);
        return loaded;
    }

    /**
     * admin, analyst and auditor, and lead-&lt;code&gt; and respondent-&lt;code&gt; (lower-case) for each seeded
     * organisation, all with the password "demo". Only here: the production profile never loads seeds.
     */
    private void demoUsers(List<String> codes) {
        Stamp stamp = Stamp.of(SEED_USER, Instant.now());
        user("admin", Role.ADMIN, null, stamp);
        user("analyst", Role.ANALYST, null, stamp);
        user("auditor", Role.AUDITOR, null, stamp);
        for (String code : codes) {
            user("lead-" + code.toLowerCase(java.util.Locale.ROOT), Role.ORG_LEAD, code, stamp);
            user("respondent-" + code.toLowerCase(java.util.Locale.ROOT), Role.RESPONDENT, code, stamp);
        }
    }

    private void user(String username, Role role, String organisation, Stamp stamp) {
        if (!users.exists(username)) {
            users.create(new UserService.NewUser(username, DEMO_PASSWORD, java.util.Set.of(role), organisation), stamp);
        }
    }

    private int load(Path file, SeedFile seed) {
        for (OrganisationSeed o : list(seed.organisations())) {
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                    .put("code", o.code()).put("name", o.name()).put("type", o.type()).put("region", o.region());
            run(file, "organisation " + o.code(), () -> {
                try {
                    organisations.create(OrganisationService.read(body),
                            Stamp.of(SEED_USER, Optional.ofNullable(o.registered()).orElseGet(Instant::now)));
                } catch (ProblemException e) {
                    if (e.status() == 409) {
                        throw new SeededElsewhere(o.code());
                    }
                    throw e;
                }
            });
        }
        for (AssessmentSeed a : list(seed.assessments())) {
            // One transaction per assessment: it is stored whole, as a client would have built it, or not at all.
            run(file, "assessment " + a.id(), () -> QuarkusTransaction.requiringNew().run(() -> {
                String by = a.by() == null ? SEED_USER : a.by();
                Stamp started = Stamp.of(by, Optional.ofNullable(a.started()).orElseGet(Instant::now));
                // A seed file is read as a client's body would be: the same problems, with the same pointers.
                assessments.create(NewAssessment.read(createBody(a)), a.id(), started);
                assessments.saveAnswers(a.id(), Optional.empty(), AnswerReader.read(a.answers(), "/answers"), started);
                if (a.submitted() != null) {
                    assessments.submit(a.id(), Optional.empty(), Stamp.of(by, a.submitted()));
                }
            }));
        }
        return list(seed.assessments()).size();
    }

    private static ObjectNode createBody(AssessmentSeed a) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("organisation", a.organisation()).put("questionnaire", a.questionnaire()).put("period", a.period());
        if (a.version() != null) {
            body.put("version", a.version());
        }
        if (a.scope() != null) {
            body.put("scope", a.scope());
        }
        return body;
    }

    /** Runs one step; a refusal stops the start with the file, the step, the detail and every problem. */
    private static void run(Path file, String what, Runnable step) {
        try {
            step.run();
        } catch (ProblemException e) {
            throw new IllegalStateException("Seed file " + file + ": " + what + " was refused: " + e.getMessage()
                    + e.toProblem(null).errors().stream()
                    .map(v -> "\n  - " + v.pointer() + ": " + v.detail()).collect(Collectors.joining()), e);
        }
    }

    /** Two instances started on one empty database: the other one got there first. */
    private static final class SeededElsewhere extends RuntimeException {
        final String code;

        SeededElsewhere(String code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    private SeedFile read(Path file) {
        try {
            SeedFile seed = yaml.readValue(file.toFile(), SeedFile.class);
            if (seed == null) {
                throw new IllegalStateException("Seed file " + file + " is empty");
            }
            return seed;
        } catch (IOException e) {
            throw new IllegalStateException("Seed file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Seed folder " + folder.toAbsolutePath() + " does not exist; "
                    + "set readiness.seeds.enabled=false to start without demo data");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list seed folder " + folder, e);
        }
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? new ArrayList<>() : items;
    }
}
