package dev.rapport.platform.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cz.jirutka.rsql.parser.ast.AndNode;
import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.LogicalNode;
import cz.jirutka.rsql.parser.ast.NoArgRSQLVisitorAdapter;
import cz.jirutka.rsql.parser.ast.Node;
import cz.jirutka.rsql.parser.ast.OrNode;
import dev.rapport.platform.filter.Condition.Op;
import dev.rapport.platform.filter.FilterField.FieldType;

/**
 * Compiles a filter tree into a parameterized SQL condition over an allow-list of fields. Field names map to
 * fixed SQL expressions; every argument is bound as a parameter. {@link PredicateFilterCompiler} compiles the same
 * tree into a predicate over one customer's facts; both give the same answer (FilterEquivalenceTest).
 *
 * <p>Text orders by code point ({@code collate "C"}) whatever the database's collation, as Java does. A comparison
 * with a missing value (SQL null) is false, whatever its operator: {@code givenName!=Ada} does not match a customer
 * without a given name. Negation only appears inside a comparison, so that null never turns true.
 */
public final class SqlFilterCompiler {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, FilterField> fields;

    public SqlFilterCompiler(List<FilterField> fields) {
        Map<String, FilterField> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        this.fields = Map.copyOf(byName);
    }

    /** Parses and compiles {@code filter}, binding its values into {@code params}; relative times count from now. */
    public String compile(String filter, SqlParams params, Instant now) {
        return compile(FilterParser.parse(filter), params, now);
    }

    public String compile(Node node, SqlParams params, Instant now) {
        BoundTimes times = new BoundTimes(params, now);
        return node.accept(new NoArgRSQLVisitorAdapter<String>() {
            @Override
            public String visit(AndNode node) {
                return join(node, " and ", this);
            }

            @Override
            public String visit(OrNode node) {
                return join(node, " or ", this);
            }

            @Override
            public String visit(ComparisonNode node) {
                return comparison(Condition.resolve(fields, node, now), params, times);
            }
        });
    }

    /**
     * Each comparison of {@code node} compiled on its own, in the order they are written: the text of a condition
     * and its SQL, for telling which conditions hold.
     */
    public Map<String, String> conditions(Node node, SqlParams params, Instant now) {
        BoundTimes times = new BoundTimes(params, now);
        Map<String, String> conditions = new LinkedHashMap<>();
        for (ComparisonNode comparison : FilterParser.comparisons(node)) {
            Condition condition = Condition.resolve(fields, comparison, now);
            // a condition written twice is compiled once: values bound for an unused copy leave parameters the
            // statement never mentions, whose type PostgreSQL cannot determine
            if (!conditions.containsKey(condition.text())) {
                conditions.put(condition.text(), comparison(condition, params, times));
            }
        }
        return conditions;
    }

    /** The fields this compiler knows that {@code node} reads. */
    public List<FilterField> fieldsOf(Node node, Instant now) {
        return FilterParser.comparisons(node).stream()
                .map(comparison -> Condition.resolve(fields, comparison, now).field())
                .distinct()
                .toList();
    }

    private static String join(LogicalNode node, String operator, NoArgRSQLVisitorAdapter<String> visitor) {
        return node.getChildren().stream()
                .map(child -> child.accept(visitor))
                .collect(Collectors.joining(operator, "(", ")"));
    }

    private static String comparison(Condition condition, SqlParams params, BoundTimes times) {
        String sql = times.expand(condition.field().sql());
        return switch (condition.field().type()) {
            case TEXT -> text(sql, condition, params);
            case TIMESTAMP, DATE, NUMBER, BOOLEAN -> scalar(sql, condition, params);
            case STRING_ARRAY -> stringArray(sql, condition, params);
            case ATTRIBUTES -> attribute(sql, condition, params);
        };
    }

    private static String text(String sql, Condition condition, SqlParams params) {
        if (condition.wildcard()) {
            String like = sql + " ilike " + params.bind(likePattern((String) condition.value()));
            return condition.op() == Op.EQ ? like : "not (" + like + ")";
        }
        return scalar(condition.op().ordering() ? sql + " collate \"C\"" : sql, condition, params);
    }

    private static String scalar(String sql, Condition condition, SqlParams params) {
        Op op = condition.op();
        // A number is compared as numeric: bound against an int column, 1.5 would become a whole number first.
        java.util.function.Function<Object, String> bind = condition.field().type() == FieldType.NUMBER
                ? value -> "cast(" + params.bind(value) + " as numeric)"
                : params::bind;
        if (op.set()) {
            String list = condition.values().stream().map(bind).collect(Collectors.joining(", "));
            return sql + (op == Op.IN ? " in (" : " not in (") + list + ")";
        }
        return sql + " " + op.sql() + " " + bind.apply(condition.value());
    }

    private static String stringArray(String sql, Condition condition, SqlParams params) {
        // Overlap (&&) with the listed values can use the GIN index on the array column.
        String values = condition.values().stream()
                .map(a -> "cast(" + params.bind(a) + " as text)")
                .collect(Collectors.joining(", ", "array[", "]"));
        return (condition.op().negated() ? "not " : "") + "(" + sql + " && " + values + ")";
    }

    private static String attribute(String sql, Condition condition, SqlParams params) {
        Op op = condition.op();
        String key = condition.key();
        if (!op.ordering()) {
            // Containment (@>) can use the GIN index. A value matches its typed form (7, true) or its text form.
            List<String> matches = new ArrayList<>();
            for (Object arg : condition.values()) {
                for (Object candidate : Attributes.candidates((String) arg)) {
                    ObjectNode probe = JsonNodeFactory.instance.objectNode();
                    probe.set(key, JSON.valueToTree(candidate));
                    matches.add(sql + " @> cast(cast(" + params.bind(probe.toString()) + " as text) as jsonb)");
                }
            }
            String anyOf = matches.stream().collect(Collectors.joining(" or ", "(", ")"));
            return op.negated() ? "not " + anyOf : anyOf;
        }
        String arg = (String) condition.value();
        String keyParam = "cast(" + params.bind(key) + " as text)";
        var number = Condition.number(condition.text(), arg, false);
        if (number != null) {
            return "(case when jsonb_typeof(" + sql + " -> " + keyParam + ") = 'number' then cast(" + sql + " ->> "
                    + keyParam + " as numeric) end) " + op.sql() + " " + params.bind(number);
        }
        return "(case when jsonb_typeof(" + sql + " -> " + keyParam + ") = 'string' then " + sql + " ->> " + keyParam
                + " end) collate \"C\" " + op.sql() + " " + params.bind(arg);
    }

    private static String likePattern(String arg) {
        String escaped = arg.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped.replace('*', '%');
    }
}
