package dev.rapport.survey;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.PredicateFilterCompiler;
import dev.rapport.platform.filter.SqlFilterCompiler;

/**
 * The fields of a response that filters name: the list of responses ({@code ?filter=}, in SQL) and follow-up
 * rules' conditions (in memory, on the answer just completed) share them, so both read a condition the same way.
 */
final class SurveyResponseFields {

    static final String CATEGORY_SQL = "case when r.nps >= 9 then 'promoter' when r.nps >= 7 then 'passive'"
            + " when r.nps is not null then 'detractor' end";

    static final List<FilterField> FIELDS = List.of(
            FilterField.of("nps", "r.nps", FieldType.NUMBER),
            FilterField.of("csat", "r.csat", FieldType.NUMBER),
            FilterField.of("ces", "r.ces", FieldType.NUMBER),
            FilterField.of("category", CATEGORY_SQL, FieldType.TEXT),
            FilterField.of("touchpoint", "r.touchpoint", FieldType.TEXT),
            FilterField.of("channel", "r.channel", FieldType.TEXT),
            FilterField.of("locale", "r.locale", FieldType.TEXT),
            FilterField.of("status", "r.status", FieldType.TEXT),
            FilterField.of("customerId", "cast(r.customer_id as text)", FieldType.TEXT),
            FilterField.of("hasComment", "(r.comment is not null)", FieldType.BOOLEAN),
            FilterField.of("submittedAt", "r.submitted_at", FieldType.TIMESTAMP));

    private static final Set<String> ANSWER_FIELDS = Set.of("nps", "csat", "ces", "category", "touchpoint", "channel");

    static final SqlFilterCompiler LIST = new SqlFilterCompiler(FIELDS);

    static final PredicateFilterCompiler FOLLOW_UPS = new PredicateFilterCompiler(FIELDS.stream()
            .filter(field -> ANSWER_FIELDS.contains(field.name()))
            .toList());

    private SurveyResponseFields() {}

    /** What a follow-up condition reads of {@code response}. */
    static Facts facts(SurveyResponse response) {
        Map<String, Object> values = new HashMap<>();
        put(values, "nps", response.nps);
        put(values, "csat", response.csat);
        put(values, "ces", response.ces);
        put(values, "category", SurveyScores.category(response.nps));
        put(values, "touchpoint", response.touchpoint);
        put(values, "channel", response.channel);
        return new Facts(values);
    }

    private static void put(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }
}
