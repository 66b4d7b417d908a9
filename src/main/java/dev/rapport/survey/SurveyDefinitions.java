package dev.rapport.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.filter.FilterParser;
import dev.rapport.survey.api.CreateSurveyRequest;
import dev.rapport.survey.api.LocalizedText;
import dev.rapport.survey.api.QuestionOption;
import dev.rapport.survey.api.ShowIf;
import dev.rapport.survey.api.SurveyFollowUp;
import dev.rapport.survey.api.SurveyQuestion;

/**
 * What a survey's definition must hold beyond its fields' shapes: unique question ids and option values, every text
 * in the default locale, a rating's scale, options on choice questions only, show-if logic on an earlier score or
 * choice question, and follow-up conditions that parse.
 */
final class SurveyDefinitions {

    private static final int MAX_RATING_POINTS = 11;

    private SurveyDefinitions() {}

    static void check(CreateSurveyRequest request, String defaultLocale) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, SurveyQuestion> earlier = new HashMap<>();
        List<SurveyQuestion> questions = request.questions();
        for (int i = 0; i < questions.size(); i++) {
            SurveyQuestion question = questions.get(i);
            String at = "questions[" + i + "]";
            if (earlier.containsKey(question.id())) {
                errors.add(new FieldError(at + ".id", "another question has the id already"));
            }
            texts(question.texts(), defaultLocale, at + ".texts", errors);
            scale(question, at, errors);
            options(question, defaultLocale, at, errors);
            if (question.showIf() != null) {
                showIf(question.showIf(), earlier, at + ".showIf", errors);
            }
            earlier.putIfAbsent(question.id(), question);
        }
        List<SurveyFollowUp> followUps = request.followUps() == null ? List.of() : request.followUps();
        for (int i = 0; i < followUps.size(); i++) {
            if (followUps.get(i) == null) {
                errors.add(new FieldError("followUps[" + i + "]", "must not be null"));
                continue;
            }
            try {
                SurveyResponseFields.FOLLOW_UPS.compile(
                        FilterParser.parse(followUps.get(i).when()), Instant.EPOCH);
            } catch (DomainException e) {
                String message = e.errors().isEmpty()
                        ? e.getMessage()
                        : e.errors().get(0).message();
                errors.add(new FieldError("followUps[" + i + "].when", message));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
    }

    private static void texts(List<LocalizedText> texts, String defaultLocale, String at, List<FieldError> errors) {
        Set<String> locales = new HashSet<>();
        for (LocalizedText text : texts) {
            if (!locales.add(text.locale().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new FieldError(at, "has two texts for " + text.locale()));
            }
        }
        if (!locales.contains(defaultLocale.toLowerCase(java.util.Locale.ROOT))) {
            errors.add(new FieldError(at, "needs a text in the default locale " + defaultLocale));
        }
    }

    private static void scale(SurveyQuestion question, String at, List<FieldError> errors) {
        boolean rating = question.type().equals(SurveyRecords.RATING);
        if (!rating) {
            if (question.min() != null || question.max() != null) {
                errors.add(new FieldError(at + ".min", "only a rating question sets its scale"));
            }
            return;
        }
        if (question.min() == null || question.max() == null) {
            errors.add(new FieldError(at + ".max", "a rating question needs min and max"));
        } else if (question.min() < 0 || question.max() > 100 || question.max() <= question.min()) {
            errors.add(new FieldError(at + ".max", "must be above min, within 0 to 100"));
        } else if (question.max() - question.min() + 1 > MAX_RATING_POINTS) {
            errors.add(new FieldError(at + ".max", "a scale has at most " + MAX_RATING_POINTS + " points"));
        }
    }

    private static void options(SurveyQuestion question, String defaultLocale, String at, List<FieldError> errors) {
        boolean choice = question.type().endsWith("_choice");
        List<QuestionOption> options = question.options() == null ? List.of() : question.options();
        if (!choice) {
            if (!options.isEmpty()) {
                errors.add(new FieldError(at + ".options", "only a choice question has options"));
            }
            return;
        }
        if (options.size() < 2) {
            errors.add(new FieldError(at + ".options", "a choice question needs 2 to 30 options"));
        }
        Set<String> values = new HashSet<>();
        for (int j = 0; j < options.size(); j++) {
            if (options.get(j) == null) {
                errors.add(new FieldError(at + ".options[" + j + "]", "must not be null"));
                continue;
            }
            if (!values.add(options.get(j).value())) {
                errors.add(new FieldError(at + ".options[" + j + "].value", "another option has the value already"));
            }
            texts(options.get(j).texts(), defaultLocale, at + ".options[" + j + "].texts", errors);
        }
    }

    private static void showIf(ShowIf when, Map<String, SurveyQuestion> earlier, String at, List<FieldError> errors) {
        SurveyQuestion target = earlier.get(when.question());
        if (target == null) {
            errors.add(new FieldError(at + ".question", "must name an earlier question"));
            return;
        }
        boolean choice = target.type().endsWith("_choice");
        boolean hasRange = when.min() != null || when.max() != null;
        boolean hasChoices = when.anyOf() != null && !when.anyOf().isEmpty();
        if (target.type().equals(SurveyRecords.TEXT)) {
            errors.add(new FieldError(at + ".question", "a text answer cannot show a question"));
        } else if (choice && (hasRange || !hasChoices)) {
            errors.add(new FieldError(at + ".anyOf", "a choice question shows another by anyOf, its option values"));
        } else if (choice) {
            Set<String> values = new HashSet<>();
            if (target.options() != null) {
                target.options().stream()
                        .filter(java.util.Objects::nonNull)
                        .forEach(option -> values.add(option.value()));
            }
            when.anyOf().stream()
                    .filter(value -> !values.contains(value))
                    .forEach(value -> errors.add(new FieldError(at + ".anyOf", "the question has no option " + value)));
        } else if (!hasRange || hasChoices) {
            errors.add(new FieldError(at + ".min", "a score question shows another by min and/or max"));
        } else if (when.min() != null && when.max() != null && when.min() > when.max()) {
            errors.add(new FieldError(at + ".max", "must not be below min"));
        }
    }
}
