package dev.rapport.automation;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cz.jirutka.rsql.parser.ast.Node;
import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.filter.FactCatalog;
import dev.rapport.platform.filter.Facts;
import dev.rapport.platform.filter.FilterField;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.FilterParser;
import dev.rapport.platform.filter.PredicateFilterCompiler;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;

/**
 * Trigger conditions: RSQL over the customer's facts (every fact a segment rule can test) and the causing event,
 * {@code eventType} and {@code data.<key>} (a top-level string, number or boolean of its data), compiled to the
 * in-memory predicate. A date trigger has no event: comparisons of event fields are false.
 */
@ApplicationScoped
class TriggerConditions {

    static final String EVENT_TYPE = "eventType";
    static final String DATA = "data";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final PredicateFilterCompiler compiler;

    TriggerConditions(FactCatalog facts) {
        List<FilterField> fields = Stream.concat(
                        facts.fields().stream(),
                        Stream.of(
                                FilterField.of(EVENT_TYPE, "", FieldType.TEXT),
                                FilterField.of(DATA, "", FieldType.ATTRIBUTES)))
                .toList();
        this.compiler = new PredicateFilterCompiler(fields);
    }

    /** The compiled condition, or an invalid-filter problem naming {@code condition} and what is wrong. */
    FactPredicate check(String condition, Instant now) {
        try {
            return compile(condition, now);
        } catch (DomainException e) {
            throw FilterParser.naming(e, "condition");
        }
    }

    /** A condition checked when it was stored, compiled for {@code now}. */
    FactPredicate compile(String condition, Instant now) {
        Node node = FilterParser.parse(condition);
        return compiler.compile(node, now);
    }

    /**
     * What a condition reads: the customer's facts (none when there is no customer) and the event's type and data
     * (a JSON object's text; null for none).
     */
    static Facts facts(Facts customer, String eventType, String data) {
        Map<String, Object> values = new HashMap<>(customer == null ? Map.of() : customer.values());
        if (eventType != null) {
            values.put(EVENT_TYPE, eventType);
        }
        Map<String, Object> scalars = scalars(data);
        if (!scalars.isEmpty()) {
            values.put(DATA, scalars);
        }
        return new Facts(values);
    }

    private static Map<String, Object> scalars(String data) {
        if (data == null || data.isBlank()) {
            return Map.of();
        }
        Map<String, Object> all;
        try {
            all = JSON.readValue(data, MAP);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        Map<String, Object> scalars = new LinkedHashMap<>();
        all.forEach((key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                scalars.put(key, value);
            }
        });
        return scalars;
    }
}
