package dev.rapport.platform.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.Node;
import dev.rapport.platform.filter.FilterField.FieldType;
import dev.rapport.platform.filter.PredicateFilterCompiler.FactPredicate;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Every {@link FactSource}'s facts about customers, in one filter language: compiled to SQL over {@code customer c}
 * (with the joins of the sources a filter reads) and to a predicate over the {@link Facts} of one customer, which
 * {@link #factsQuery} loads with the same expressions.
 */
@ApplicationScoped
public class FactCatalog {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final List<FilterField> fields;
    private final Map<String, FilterField> byName;
    private final Map<String, String> joinOf = new HashMap<>();
    private final Set<String> refreshed = new LinkedHashSet<>();
    private final List<String> allJoins = new ArrayList<>();
    private final SqlFilterCompiler sql;
    private final PredicateFilterCompiler predicates;

    @Inject
    FactCatalog(Instance<FactSource> sources) {
        this(sources.stream().toList());
    }

    /** A catalog of the given sources (tests build one without CDI). */
    public FactCatalog(List<FactSource> sources) {
        Map<String, FilterField> byName = new LinkedHashMap<>();
        List<FactSource> ordered = sources.stream()
                .sorted((a, b) -> a.getClass().getName().compareTo(b.getClass().getName()))
                .toList();
        for (FactSource source : ordered) {
            for (FilterField field : source.facts()) {
                if (byName.putIfAbsent(field.name(), field) != null) {
                    throw new IllegalStateException("Two fact sources define the fact " + field.name());
                }
                joinOf.put(field.name(), source.join());
            }
            refreshed.addAll(source.refreshedFacts());
            if (!source.join().isBlank()) {
                allJoins.add(source.join());
            }
        }
        this.fields = List.copyOf(byName.values());
        this.byName = Map.copyOf(byName);
        this.sql = new SqlFilterCompiler(fields);
        this.predicates = new PredicateFilterCompiler(fields);
    }

    /** The facts, in their sources' order. */
    public List<FilterField> fields() {
        return fields;
    }

    /** A filter compiled to SQL: the condition, and the joins to {@code customer c} it needs. */
    public record SqlFilter(String condition, String joins) {}

    /** Compiles {@code node} to SQL, binding its values into {@code params}. */
    public SqlFilter sql(Node node, SqlParams params, Instant now) {
        String joins = sql.fieldsOf(node, now).stream()
                .map(field -> joinOf.get(field.name()))
                .filter(join -> !join.isBlank())
                .distinct()
                .collect(Collectors.joining(" "));
        return new SqlFilter(sql.compile(node, params, now), joins);
    }

    /** Each condition of {@code node} compiled to SQL on its own, by its text (see {@link #sql} for the joins). */
    public Map<String, String> sqlConditions(Node node, SqlParams params, Instant now) {
        return sql.conditions(node, params, now);
    }

    /** Compiles {@code node} to a predicate over {@link Facts}. */
    public FactPredicate predicate(Node node, Instant now) {
        return predicates.compile(node, now);
    }

    /**
     * Whether the truth of {@code node} can change with time alone: it compares a time relative to now, or reads a
     * fact computed from the date ({@code {now}}) or refreshed on a schedule.
     */
    public boolean changesWithTime(Node node, Instant now) {
        for (ComparisonNode comparison : FilterParser.comparisons(node)) {
            Condition condition = Condition.resolve(byName, comparison, now);
            if (condition.relative()
                    || BoundTimes.reads(condition.field().sql())
                    || refreshed.contains(condition.field().name())) {
                return true;
            }
        }
        return false;
    }

    /** Every join, for a statement that reads all facts. */
    public String allJoins() {
        return String.join(" ", allJoins);
    }

    /**
     * The statement that loads the facts of {@code customerIds}: {@code c.id}, {@code c.partner_id}, whether the
     * customer is live, then one column per fact. Read its rows with {@link #subject} and {@link #facts}.
     */
    public String factsQuery(List<UUID> customerIds, SqlParams params, Instant now) {
        String ids = params.bind(customerIds.toArray(UUID[]::new));
        BoundTimes times = new BoundTimes(params, now);
        String columns = fields.stream()
                .map(field -> column(times.expand(field.sql()), field.type()))
                .collect(Collectors.joining(", "));
        return "select c.id, c.partner_id, c.deleted_at is null, " + columns + " from customer c " + allJoins()
                + " where c.id = any(" + ids + ")";
    }

    private static String column(String sql, FieldType type) {
        return type == FieldType.ATTRIBUTES ? "cast(" + sql + " as text)" : sql;
    }

    /** The facts of one row of {@link #factsQuery}. */
    public Facts facts(Row row) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            FilterField field = fields.get(i);
            int column = i + 3;
            if (row.getValue(column) == null) {
                continue;
            }
            values.put(
                    field.name(),
                    switch (field.type()) {
                        case TEXT -> row.getString(column);
                        case TIMESTAMP -> row.getOffsetDateTime(column);
                        case DATE -> row.getLocalDate(column);
                        case NUMBER -> row.getValue(column) instanceof Number n ? Attributes.decimal(n) : null;
                        case BOOLEAN -> row.getBoolean(column);
                        case STRING_ARRAY -> List.of(row.getArrayOfStrings(column));
                        case ATTRIBUTES -> map(row.getString(column));
                    });
        }
        return new Facts(values);
    }

    /** The customer id, partner and liveness of a row of {@link #factsQuery}. */
    public record Subject(UUID id, String partnerId, boolean live) {}

    public static Subject subject(Row row) {
        return new Subject(row.getUUID(0), row.getString(1), row.getBoolean(2));
    }

    private static Map<String, Object> map(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable keyed fact", e);
        }
    }
}
