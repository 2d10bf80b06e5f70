package org.readiness.web;

import jakarta.ws.rs.core.MultivaluedMap;
import org.readiness.assessment.AssessmentViews.AnswerView;
import org.readiness.problem.Violation;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.scoring.engine.AnswerInput;
import org.readiness.scoring.engine.AnswerUpdate;
import org.readiness.scoring.engine.AnswerValidator;
import org.readiness.scoring.facts.AnswerKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answers of one theme page, between form fields and the typed answers that AssessmentService.saveAnswers checks.
 * Each question has a radio group {@code <id>-value} (a scale point, "PERCENT" for a percentage typed into
 * {@code <id>-percent}, "DONT_KNOW" or "NA") and a text box {@code <id>-evidence}. Only what a form cannot send typed
 * is read here (text that is no whole number), by the same rules as a JSON body, with the pointer that answer would
 * have in {@code {"answers":[...]}}; the questionnaire's checks are the service's, and every problem comes back to
 * these fields.
 */
public record AnswerForm(List<EnablerForm> enablers, AnswerUpdate answers, List<String> sentIds) {

    static final String PERCENT = "PERCENT";

    public record EnablerForm(Questionnaire.Enabler enabler, List<ItemForm> items) {
    }

    /** A question as the page shows it: the choice made, the percentage typed, the evidence written. */
    public record ItemForm(Questionnaire.Item item, String choice, String percent, String evidence) {
        public boolean percentage() {
            return Questionnaire.Item.PERCENTAGE.equals(item.type());
        }

        public boolean chose(Object value) {
            return String.valueOf(value).equals(choice);
        }

        public String firstInput() {
            return AnswerForm.firstInput(item);
        }
    }

    /** The stored answers of a theme, as its page shows them. */
    static List<EnablerForm> stored(Questionnaire.Theme theme, Map<String, AnswerView> answers) {
        return theme.enablers().stream().map(e -> new EnablerForm(e, e.items().stream().map(item -> {
            AnswerView a = answers.get(item.id());
            if (a == null) {
                return new ItemForm(item, "", "", "");
            }
            boolean typed = Questionnaire.Item.PERCENTAGE.equals(item.type()) && a.value() instanceof Integer;
            return new ItemForm(item, typed ? PERCENT : String.valueOf(a.value()), typed ? String.valueOf(a.value()) : "",
                    a.evidence() == null ? "" : a.evidence());
        }).toList())).toList();
    }

    /** The posted form of a theme, and the answers to send: a question with neither choice nor evidence is left as it is. */
    static AnswerForm read(Questionnaire.Theme theme, MultivaluedMap<String, String> form) {
        List<EnablerForm> enablers = new ArrayList<>();
        List<AnswerInput> answers = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Questionnaire.Enabler e : theme.enablers()) {
            List<ItemForm> items = new ArrayList<>();
            for (Questionnaire.Item item : e.items()) {
                ItemForm f = new ItemForm(item, text(form, item.id() + "-value"), text(form, item.id() + "-percent"),
                        text(form, item.id() + "-evidence"));
                items.add(f);
                if (f.choice().isEmpty() && f.evidence().isBlank()) {
                    continue;
                }
                String at = "/answers/" + answers.size();
                String evidence = f.evidence().isBlank() ? null : AnswerInput.evidence(f.evidence(), at + "/evidence", problems);
                answers.add(answer(item.id(), f.choice().isEmpty() ? null : f.chose(PERCENT) ? f.percent().strip()
                        : f.choice(), evidence, at + "/value", problems));
                ids.add(item.id());
            }
            enablers.add(new EnablerForm(e, items));
        }
        return new AnswerForm(enablers, new AnswerUpdate(answers, problems), ids);
    }

    /**
     * A whole number is a scored value (on the item's scale or not: the service says); other text must be "NA" or
     * "DONT_KNOW"; no choice at all is a problem, since evidence is kept only with an answer.
     */
    private static AnswerInput answer(String question, String value, String evidence, String at, List<Violation> problems) {
        if (value == null) {
            problems.add(new Violation(at, AnswerInput.VALUE_REQUIRED));
            return new AnswerInput(question, null, null, evidence);
        }
        if (value.matches("-?[0-9]{1,9}")) {
            return AnswerInput.scored(question, Integer.parseInt(value), evidence);
        }
        AnswerKind kind = AnswerInput.textValue(value, at, problems);
        return new AnswerInput(question, kind, null, evidence);
    }

    /** The field a problem at {@code /answers/<i>/...} is about, with the question named before the service's words. */
    FieldError fieldOf(Violation v) {
        String[] parts = v.pointer().split("/");
        if (parts.length < 3 || !parts[2].matches("[0-9]+") || Integer.parseInt(parts[2]) >= sentIds.size()) {
            return new FieldError(firstField(), v.detail());
        }
        String id = sentIds.get(Integer.parseInt(parts[2]));
        ItemForm f = item(id);
        String field = parts.length > 3 && parts[3].equals("evidence") ? id + "-evidence"
                : f.chose(PERCENT) ? id + "-percent" : f.firstInput();
        String detail = v.detail().startsWith("required") ? "choose an answer to save evidence with it" : v.detail();
        return new FieldError(field, id + ": " + detail.replace(" for question " + id, "")
                .replace("\"NA\"", "not applicable").replace("\"DONT_KNOW\"", "don't know"));
    }

    String firstField() {
        return enablers.get(0).items().get(0).firstInput();
    }

    private ItemForm item(String id) {
        return enablers.stream().flatMap(e -> e.items().stream()).filter(i -> i.item().id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** The id of a question's first radio button: where the error summary and "Change" links go. */
    static String firstInput(Questionnaire.Item item) {
        return item.id() + "-value";
    }

    /** How a stored answer reads on the check-your-answers page. */
    static String words(Questionnaire.Item item, Object value) {
        if (AnswerValidator.DONT_KNOW.equals(value)) {
            return "Don't know";
        }
        if (AnswerValidator.NOT_APPLICABLE.equals(value)) {
            return "Not applicable";
        }
        if (value instanceof Integer n) {
            String prefix = Questionnaire.Item.PERCENTAGE.equals(item.type()) ? n + "%: " : n + ": ";
            return item.pointFor(n).flatMap(p -> item.scale().stream().filter(s -> s.value() == p).findFirst())
                    .map(s -> prefix + s.label()).orElse(String.valueOf(n));
        }
        return String.valueOf(value);
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String v = form.getFirst(name);
        return v == null ? "" : v;
    }
}
