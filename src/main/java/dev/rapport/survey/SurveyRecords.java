package dev.rapport.survey;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the JSONB columns of surveys and responses hold: records of the domain, not the API's shapes, so the API can
 * change without rewriting stored rows.
 */
@RegisterForReflection
final class SurveyRecords {

    static final String NPS = "nps";
    static final String CSAT = "csat";
    static final String CES = "ces";
    static final String RATING = "rating";
    static final String SINGLE_CHOICE = "single_choice";
    static final String MULTIPLE_CHOICE = "multiple_choice";
    static final String TEXT = "text";

    private SurveyRecords() {}

    @RegisterForReflection
    record Text(String locale, String text) {}

    @RegisterForReflection
    record Option(String value, List<Text> texts) {}

    @RegisterForReflection
    record ShowIf(String question, Integer min, Integer max, List<String> anyOf) {}

    @RegisterForReflection
    record Question(
            String id,
            String type,
            boolean required,
            List<Text> texts,
            Integer min,
            Integer max,
            List<Option> options,
            ShowIf showIf) {

        /** The lowest score a score question takes. */
        int low() {
            return switch (type) {
                case NPS -> 0;
                case CSAT, CES -> 1;
                default -> min;
            };
        }

        /** The highest score a score question takes. */
        int high() {
            return switch (type) {
                case NPS -> 10;
                case CSAT -> 5;
                case CES -> 7;
                default -> max;
            };
        }

        boolean scored() {
            return switch (type) {
                case NPS, CSAT, CES, RATING -> true;
                default -> false;
            };
        }

        boolean choice() {
            return type.equals(SINGLE_CHOICE) || type.equals(MULTIPLE_CHOICE);
        }
    }

    @RegisterForReflection
    record Questions(List<Question> items) {}

    @RegisterForReflection
    record FollowUp(String when, String subject, String priority, String team) {}

    @RegisterForReflection
    record FollowUps(List<FollowUp> items) {
        static final FollowUps NONE = new FollowUps(List.of());
    }

    /** One answer as stored: a score, choices or a text. */
    @RegisterForReflection
    record Answer(String question, Integer value, List<String> choices, String text) {}

    @RegisterForReflection
    record Answers(List<Answer> items) {}
}
