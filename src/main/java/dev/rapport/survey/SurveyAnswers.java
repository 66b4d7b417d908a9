package dev.rapport.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.survey.api.Answer;

/**
 * Checking answers against a revision's questions: each answer of the question's type and range, a question hidden
 * by its show-if logic left unanswered, and (for a complete answer) every required question that is shown
 * answered. Errors name the question: {@code answers.<id>}.
 */
final class SurveyAnswers {

    private static final int MAX_COMMENT = 20_000;

    private SurveyAnswers() {}

    /** Answers that passed, in question order, with the figures' scores and the text answers. */
    record Checked(List<SurveyRecords.Answer> answers, Integer nps, Integer csat, Integer ces, String comment) {}

    static Checked check(List<SurveyRecords.Question> questions, List<Answer> given, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, SurveyRecords.Question> byId = new HashMap<>();
        questions.forEach(question -> byId.put(question.id(), question));
        Map<String, Answer> answers = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Answer answer = given.get(i);
            if (!byId.containsKey(answer.question())) {
                errors.add(new FieldError("answers[" + i + "].question", "no such question in the survey"));
            } else if (answers.putIfAbsent(answer.question(), answer) != null) {
                errors.add(new FieldError("answers." + answer.question(), "is answered twice"));
            }
        }
        List<SurveyRecords.Answer> kept = new ArrayList<>();
        Integer nps = null;
        Integer csat = null;
        Integer ces = null;
        List<String> texts = new ArrayList<>();
        Map<String, SurveyRecords.Answer> accepted = new HashMap<>();
        for (SurveyRecords.Question question : questions) {
            String field = "answers." + question.id();
            Answer answer = answers.get(question.id());
            boolean shown = shown(question, accepted);
            if (answer == null) {
                if (complete && shown && question.required()) {
                    errors.add(new FieldError(field, "is required"));
                }
                continue;
            }
            if (!shown) {
                errors.add(new FieldError(
                        field,
                        "is not asked for the answer given to "
                                + question.showIf().question()));
                continue;
            }
            String wrong = wrong(question, answer);
            if (wrong != null) {
                errors.add(new FieldError(field, wrong));
                continue;
            }
            SurveyRecords.Answer stored = stored(question, answer);
            accepted.put(question.id(), stored);
            kept.add(stored);
            switch (question.type()) {
                case SurveyRecords.NPS -> nps = nps == null ? stored.value() : nps;
                case SurveyRecords.CSAT -> csat = csat == null ? stored.value() : csat;
                case SurveyRecords.CES -> ces = ces == null ? stored.value() : ces;
                case SurveyRecords.TEXT -> texts.add(stored.text());
                default -> {}
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        String comment = texts.isEmpty() ? null : String.join("\n", texts);
        if (comment != null && comment.length() > MAX_COMMENT) {
            comment = comment.substring(0, MAX_COMMENT);
        }
        return new Checked(List.copyOf(kept), nps, csat, ces, comment);
    }

    /** Whether {@code question} is asked, given the answers accepted so far (to earlier questions). */
    static boolean shown(SurveyRecords.Question question, Map<String, SurveyRecords.Answer> earlier) {
        SurveyRecords.ShowIf when = question.showIf();
        if (when == null) {
            return true;
        }
        SurveyRecords.Answer answer = earlier.get(when.question());
        if (answer == null) {
            return false;
        }
        if (answer.value() != null) {
            return (when.min() == null || answer.value() >= when.min())
                    && (when.max() == null || answer.value() <= when.max());
        }
        return answer.choices() != null
                && when.anyOf() != null
                && answer.choices().stream().anyMatch(when.anyOf()::contains);
    }

    private static String wrong(SurveyRecords.Question question, Answer answer) {
        if (question.scored()) {
            if (answer.value() == null || answer.choices() != null || answer.text() != null) {
                return "takes a whole number from " + question.low() + " to " + question.high() + " as value";
            }
            if (answer.value() < question.low() || answer.value() > question.high()) {
                return "must be from " + question.low() + " to " + question.high();
            }
            return null;
        }
        if (question.choice()) {
            boolean single = question.type().equals(SurveyRecords.SINGLE_CHOICE);
            List<String> choices = answer.choices();
            if (choices == null || choices.isEmpty() || answer.value() != null || answer.text() != null) {
                return single ? "takes one option as choices" : "takes one or more options as choices";
            }
            if (single && choices.size() != 1) {
                return "takes exactly one option";
            }
            Set<String> options =
                    question.options().stream().map(SurveyRecords.Option::value).collect(Collectors.toSet());
            List<String> unknown =
                    choices.stream().filter(choice -> !options.contains(choice)).toList();
            if (!unknown.isEmpty()) {
                return "has no option " + String.join(", ", unknown);
            }
            if (new HashSet<>(choices).size() != choices.size()) {
                return "names an option twice";
            }
            return null;
        }
        if (answer.text() == null || answer.value() != null || answer.choices() != null) {
            return "takes a text";
        }
        return answer.text().isBlank() ? "must not be blank" : null;
    }

    private static SurveyRecords.Answer stored(SurveyRecords.Question question, Answer answer) {
        return new SurveyRecords.Answer(
                question.id(),
                answer.value(),
                answer.choices() == null ? null : List.copyOf(answer.choices()),
                answer.text() == null ? null : answer.text().strip());
    }
}
