package org.readiness.questionnaire;

import java.util.List;

/** A crosswalk file that cannot be used; the message names the file and every fault found. Stops the start like a faulty questionnaire. */
public class CrosswalkException extends QuestionnaireException {

    public CrosswalkException(String file, List<String> faults) {
        super("Crosswalk " + file + " is not valid:\n  - " + String.join("\n  - ", faults), (Throwable) null);
    }

    public CrosswalkException(String message, Throwable cause) {
        super(message, cause);
    }
}
