package org.readiness.questionnaire;

import java.util.List;

/** A questionnaire file that cannot be used; the message names the file and every fault found. */
public class QuestionnaireException extends RuntimeException {

    public QuestionnaireException(String file, List<String> faults) {
        super("Questionnaire " + file + " is not valid:\n  - " + String.join("\n  - ", faults));
    }

    public QuestionnaireException(String message, Throwable cause) {
        super(message, cause);
    }
}
