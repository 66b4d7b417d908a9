package dev.rapport.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rapport.lead.api.LeadCompany;
import dev.rapport.lead.api.LeadUtm;
import dev.rapport.lead.api.LeadView;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.FilterParser;
import dev.rapport.platform.filter.PredicateFilterCompiler;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import dev.rapport.platform.filter.SqlFilterCompiler;
import dev.rapport.platform.json.Tags;

/**
 * The lead fields one filter language tests: scoring and assignment rule conditions (in memory, on the lead being
 * written) and lead lists (in SQL over {@code lead l}). Both compile from the same fields, so a condition means in a
 * rule what it means in a list.
 */
final class LeadFields {

    /** The activity count a rule may test: notes and activities that happened in the last 30 days. */
    static final String RECENT_NOTES = "notesLast30Days";

    /** What a rule condition may test. */
    static final List<FilterField> CONDITION_FIELDS = List.of(
            FilterField.of("givenName", "l.given_name", FieldType.TEXT),
            FilterField.of("familyName", "l.family_name", FieldType.TEXT),
            FilterField.of("email", "l.email", FieldType.TEXT),
            FilterField.of("phone", "l.phone", FieldType.TEXT),
            FilterField.of("company.name", "l.company_name", FieldType.TEXT),
            FilterField.of("company.size", "l.company_size", FieldType.TEXT),
            FilterField.of("company.industry", "l.industry", FieldType.TEXT),
            FilterField.of("company.website", "l.website", FieldType.TEXT),
            FilterField.of("source", "l.source", FieldType.TEXT),
            FilterField.of("campaign", "l.campaign", FieldType.TEXT),
            FilterField.of("utm.source", "(l.utm ->> 'source')", FieldType.TEXT),
            FilterField.of("utm.medium", "(l.utm ->> 'medium')", FieldType.TEXT),
            FilterField.of("utm.campaign", "(l.utm ->> 'campaign')", FieldType.TEXT),
            FilterField.of("pipelineId", "cast(l.pipeline_id as text)", FieldType.TEXT),
            FilterField.of("stage", "l.stage", FieldType.TEXT),
            FilterField.of("stageCategory", "l.stage_category", FieldType.TEXT),
            FilterField.of("ownerId", "l.owner_id", FieldType.TEXT),
            FilterField.of("estimatedValue", "l.value_amount", FieldType.NUMBER),
            FilterField.of("currency", "l.value_currency", FieldType.TEXT),
            FilterField.of("expectedCloseDate", "l.expected_close_date", FieldType.DATE),
            FilterField.of("tags", "l.tags", FieldType.STRING_ARRAY, Tags::normalized),
            FilterField.of("attributes", "l.attributes", FieldType.ATTRIBUTES),
            FilterField.of("noteCount", "l.note_count", FieldType.NUMBER),
            FilterField.of("lastNoteAt", "l.last_note_at", FieldType.TIMESTAMP),
            FilterField.of(
                    RECENT_NOTES,
                    "(select count(*) from lead_note n where n.lead_id = l.id"
                            + " and n.occurred_at > now() - interval '30 days')",
                    FieldType.NUMBER),
            FilterField.of("createdAt", "l.created_at", FieldType.TIMESTAMP));

    /** What a lead list may filter by: the condition fields and the lead's score, times and links. */
    static final List<FilterField> LIST_FIELDS;

    static {
        List<FilterField> fields = new ArrayList<>(CONDITION_FIELDS);
        fields.add(FilterField.of("score", "l.score", FieldType.NUMBER));
        fields.add(FilterField.of("customerId", "cast(l.customer_id as text)", FieldType.TEXT));
        fields.add(FilterField.of("convertedAt", "l.converted_at", FieldType.TIMESTAMP));
        fields.add(FilterField.of("stageEnteredAt", "l.stage_entered_at", FieldType.TIMESTAMP));
        fields.add(FilterField.of("updatedAt", "l.updated_at", FieldType.TIMESTAMP));
        LIST_FIELDS = List.copyOf(fields);
    }

    static final SqlFilterCompiler LIST_FILTER = new SqlFilterCompiler(LIST_FIELDS);

    private static final PredicateFilterCompiler CONDITIONS = new PredicateFilterCompiler(CONDITION_FIELDS);

    /** Compiled conditions without relative times, by their text: rules are evaluated on every lead write. */
    private static final Map<String, FactPredicate> COMPILED = new ConcurrentHashMap<>();

    private static final int MAX_CACHED = 10_000;

    private LeadFields() {}

    /** A rule condition compiled to a predicate; an invalid one is an invalid-input problem on {@code field}. */
    static FactPredicate condition(String condition, String field, Instant now) {
        FactPredicate cached = COMPILED.get(condition);
        if (cached != null) {
            return cached;
        }
        FactPredicate compiled;
        try {
            compiled = CONDITIONS.compile(FilterParser.parse(condition), now);
        } catch (DomainException e) {
            throw FilterParser.naming(e, field);
        }
        if (!compiled.relative() && COMPILED.size() < MAX_CACHED) {
            COMPILED.put(condition, compiled);
        }
        return compiled;
    }

    /** A lead's values of the condition fields, as the predicate reads them. */
    static Facts facts(LeadView lead, long recentNotes) {
        Map<String, Object> values = new HashMap<>();
        LeadCompany company = lead.company();
        LeadUtm utm = lead.utm();
        values.put("givenName", lead.givenName());
        values.put("familyName", lead.familyName());
        values.put("email", lead.email());
        values.put("phone", lead.phone());
        values.put("company.name", company == null ? null : company.name());
        values.put("company.size", company == null ? null : company.size());
        values.put("company.industry", company == null ? null : company.industry());
        values.put("company.website", company == null ? null : company.website());
        values.put("source", lead.source());
        values.put("campaign", lead.campaign());
        values.put("utm.source", utm == null ? null : utm.source());
        values.put("utm.medium", utm == null ? null : utm.medium());
        values.put("utm.campaign", utm == null ? null : utm.campaign());
        values.put(
                "pipelineId",
                lead.pipelineId() == null ? null : lead.pipelineId().toString());
        values.put("stage", lead.stage());
        values.put("stageCategory", lead.stageCategory());
        values.put("ownerId", lead.ownerId());
        values.put("estimatedValue", lead.estimatedValue());
        values.put("currency", lead.currency());
        values.put("expectedCloseDate", lead.expectedCloseDate());
        values.put("tags", lead.tags());
        values.put("attributes", lead.attributes() == null ? Map.of() : lead.attributes());
        values.put("noteCount", lead.noteCount());
        values.put("lastNoteAt", lead.lastNoteAt());
        values.put(RECENT_NOTES, recentNotes);
        values.put("createdAt", lead.createdAt());
        return new Facts(values);
    }
}
