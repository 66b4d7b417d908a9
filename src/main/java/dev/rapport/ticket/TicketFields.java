package dev.rapport.ticket;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.FilterParser;
import dev.rapport.platform.filter.PredicateFilterCompiler;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import dev.rapport.platform.filter.SqlFilterCompiler;
import dev.rapport.platform.json.Tags;

/**
 * The ticket fields one filter language tests: SLA policy conditions (in memory, on the ticket being written) and
 * ticket lists (in SQL over {@code ticket t}). Both compile from the same fields, so a condition means in a policy
 * what it means in a list.
 */
final class TicketFields {

    /** What a policy condition may test: the fields a ticket's writer sets. */
    static final List<FilterField> CONDITION_FIELDS = List.of(
            FilterField.of("subject", "t.subject", FieldType.TEXT),
            FilterField.of("status", "t.status", FieldType.TEXT),
            FilterField.of("priority", "t.priority", FieldType.TEXT),
            FilterField.of("type", "t.type", FieldType.TEXT),
            FilterField.of("channel", "t.channel", FieldType.TEXT),
            FilterField.of("team", "t.team", FieldType.TEXT),
            FilterField.of("assigneeId", "t.assignee_id", FieldType.TEXT),
            FilterField.of("tags", "t.tags", FieldType.STRING_ARRAY, Tags::normalized),
            FilterField.of("attributes", "t.attributes", FieldType.ATTRIBUTES));

    /** What a ticket list may filter by: the condition fields and the ticket's times and links. */
    static final List<FilterField> LIST_FIELDS;

    static {
        List<FilterField> fields = new java.util.ArrayList<>(CONDITION_FIELDS);
        fields.add(FilterField.of("customerId", "cast(t.customer_id as text)", FieldType.TEXT));
        fields.add(FilterField.of("number", "t.number", FieldType.NUMBER));
        fields.add(FilterField.of("slaPolicyId", "cast(t.sla_policy_id as text)", FieldType.TEXT));
        fields.add(FilterField.of("slaDueAt", "t.sla_due_at", FieldType.TIMESTAMP));
        fields.add(FilterField.of("createdAt", "t.created_at", FieldType.TIMESTAMP));
        fields.add(FilterField.of("updatedAt", "t.updated_at", FieldType.TIMESTAMP));
        fields.add(FilterField.of("solvedAt", "t.solved_at", FieldType.TIMESTAMP));
        fields.add(FilterField.of("closedAt", "t.closed_at", FieldType.TIMESTAMP));
        fields.add(FilterField.of("firstResponseAt", "t.first_response_at", FieldType.TIMESTAMP));
        fields.add(FilterField.of("reopenCount", "t.reopen_count", FieldType.NUMBER));
        LIST_FIELDS = List.copyOf(fields);
    }

    static final SqlFilterCompiler LIST_FILTER = new SqlFilterCompiler(LIST_FIELDS);

    private static final PredicateFilterCompiler CONDITIONS = new PredicateFilterCompiler(CONDITION_FIELDS);

    /** The names of the condition fields, by the request fields that set them. */
    private static final Set<String> CONDITION_NAMES =
            CONDITION_FIELDS.stream().map(FilterField::name).collect(Collectors.toSet());

    private TicketFields() {}

    /** A policy condition compiled to a predicate; an invalid one is an invalid-input problem on {@code field}. */
    static FactPredicate condition(String condition, String field, Instant now) {
        try {
            return CONDITIONS.compile(FilterParser.parse(condition), now);
        } catch (dev.rapport.platform.error.DomainException e) {
            throw FilterParser.naming(e, field);
        }
    }

    /** Whether any of {@code changedFields} is one a policy condition may test (or decides the targets). */
    static boolean testedByConditions(List<String> changedFields) {
        return changedFields.stream().anyMatch(CONDITION_NAMES::contains);
    }

    /** A ticket's values of the condition fields, as the predicate reads them. */
    static Facts facts(Ticket ticket) {
        Map<String, Object> values = new HashMap<>();
        values.put("subject", ticket.subject);
        values.put("status", ticket.status);
        values.put("priority", ticket.priority);
        values.put("type", ticket.type);
        values.put("channel", ticket.channel);
        values.put("team", ticket.team);
        values.put("assigneeId", ticket.assigneeId);
        values.put("tags", List.of(ticket.tags));
        values.put("attributes", ticket.attributes == null ? Map.of() : ticket.attributes);
        return new Facts(values);
    }
}
