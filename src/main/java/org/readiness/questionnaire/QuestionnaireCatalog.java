package org.readiness.questionnaire;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.readiness.config.ReadinessConfig;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every questionnaire version found at start-up. Loading eagerly means a faulty file stops the start. */
@Startup
@ApplicationScoped
public class QuestionnaireCatalog {

    private static final Logger LOG = Logger.getLogger(QuestionnaireCatalog.class);

    @Inject
    ReadinessConfig config;

    private List<Questionnaire> questionnaires;

    @PostConstruct
    void load() {
        questionnaires = new QuestionnaireLoader().loadFolder(config.questionnaires().path()).stream()
                .sorted(Comparator.comparing(Questionnaire::id).thenComparing(Questionnaire::version))
                .toList();
        LOG.infof("Loaded %d questionnaire version(s) from %s", questionnaires.size(), config.questionnaires().path());
    }

    public List<Questionnaire> all() {
        return questionnaires;
    }

    public Optional<Questionnaire> find(String id, int version) {
        return questionnaires.stream().filter(q -> q.id().equals(id) && q.version() == version).findFirst();
    }

    public Optional<Questionnaire> latest(String id) {
        return questionnaires.stream().filter(q -> q.id().equals(id)).reduce((a, b) -> b);
    }
}
