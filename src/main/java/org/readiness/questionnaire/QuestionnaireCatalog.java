package org.readiness.questionnaire;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.readiness.config.ReadinessConfig;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every questionnaire version found at start-up, and the crosswalks between versions (the folder {@code crosswalks}
 * under the questionnaires folder). Loading eagerly means a faulty file stops the start.
 */
@Startup
@ApplicationScoped
public class QuestionnaireCatalog {

    private static final Logger LOG = Logger.getLogger(QuestionnaireCatalog.class);

    /** The folder of crosswalk files, under the questionnaires folder; the questionnaire loader reads only files directly there. */
    public static final String CROSSWALKS = "crosswalks";

    @Inject
    ReadinessConfig config;

    private List<Questionnaire> questionnaires;
    private List<Crosswalk> crosswalks;

    @PostConstruct
    void load() {
        questionnaires = new QuestionnaireLoader().loadFolder(config.questionnaires().path()).stream()
                .sorted(Comparator.comparing(Questionnaire::id).thenComparing(Questionnaire::version))
                .toList();
        LOG.infof("Loaded %d questionnaire version(s) from %s", questionnaires.size(), config.questionnaires().path());
        Path folder = config.questionnaires().path().resolve(CROSSWALKS);
        crosswalks = new CrosswalkLoader().loadFolder(folder, questionnaires).stream()
                .sorted(Comparator.comparing(Crosswalk::questionnaire).thenComparing(Crosswalk::from).thenComparing(Crosswalk::to))
                .toList();
        LOG.infof("Loaded %d crosswalk(s) from %s", crosswalks.size(), folder);
    }

    public List<Questionnaire> all() {
        return questionnaires;
    }

    public Optional<Questionnaire> find(String id, int version) {
        return questionnaires.stream().filter(q -> q.id().equals(id) && q.version() == version).findFirst();
    }

    /** The crosswalk from version {@code from} to version {@code to} of questionnaire {@code id}, when there is a file for it. */
    public Optional<Crosswalk> crosswalk(String id, int from, int to) {
        return crosswalks.stream().filter(c -> c.questionnaire().equals(id) && c.from() == from && c.to() == to).findFirst();
    }

    /** The crosswalks between versions of questionnaire {@code id}, earliest first. */
    public List<Crosswalk> crosswalks(String id) {
        return crosswalks.stream().filter(c -> c.questionnaire().equals(id)).toList();
    }

    public Optional<Questionnaire> latest(String id) {
        return questionnaires.stream().filter(q -> q.id().equals(id)).reduce((a, b) -> b);
    }
}
