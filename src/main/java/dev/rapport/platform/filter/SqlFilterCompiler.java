package dev.rapport.platform.filter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cz.jirutka.rsql.parser.ast.AndNode;
import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.ComparisonOperator;
import cz.jirutka.rsql.parser.ast.LogicalNode;
import cz.jirutka.rsql.parser.ast.NoArgRSQLVisitorAdapter;
import cz.jirutka.rsql.parser.ast.Node;
import cz.jirutka.rsql.parser.ast.OrNode;
import cz.jirutka.rsql.parser.ast.RSQLOperators;

/**
 * Compiles a filter tree into a parameterized SQL condition over an allow-list of fields. Field names map to
 * fixed SQL expressions; every argument is bound as a parameter.
 */
public final class SqlFilterCompiler {

    private static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, FilterField> fields;

    public SqlFilterCompiler(List<FilterField> fields) {
        this.fields = fields.stream().collect(Collectors.toUnmodifiableMap(FilterField::name, f -> f));
    }

    /** Parses and compiles {@code filter}, binding its values into {@code params}. */
    public String compile(String filter, SqlParams params) {
        return compile(FilterParser.parse(filter), params);
    }

    public String compile(Node node, SqlParams params) {
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
                return comparison(node, params);
            }
        });
    }

    private static String join(LogicalNode node, String operator, NoArgRSQLVisitorAdapter<String> visitor) {
        return node.getChildren().stream()
                .map(child -> child.accept(visitor))
                .collect(Collectors.joining(operator, "(", ")"));
    }

    private String comparison(ComparisonNode node, SqlParams params) {
        String selector = node.getSelector();
        int dot = selector.indexOf('.');
        FilterField field = fields.get(dot < 0 ? selector : selector.substring(0, dot));
        if (field == null || (dot >= 0) != (field.type() == FilterField.FieldType.ATTRIBUTES)) {
            throw FilterParser.invalid("unknown field '" + selector + "'; filterable fields are "
                    + fields.values().stream()
                            .map(f -> f.type() == FilterField.FieldType.ATTRIBUTES ? f.name() + ".<key>" : f.name())
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        ComparisonOperator op = node.getOperator();
        List<String> args = node.getArguments().stream().map(field.normalizer()).toList();
        return switch (field.type()) {
            case TEXT -> text(field.sql(), op, args, params);
            case TIMESTAMP -> scalar(field.sql(), op, args, params, a -> timestamp(selector, a));
            case DATE -> scalar(field.sql(), op, args, params, a -> date(selector, a));
            case NUMBER -> scalar(field.sql(), op, args, params, a -> number(selector, a));
            case STRING_ARRAY -> stringArray(selector, field.sql(), op, args, params);
            case ATTRIBUTES -> attribute(selector, field.sql(), selector.substring(dot + 1), op, args, params);
        };
    }

    private static String text(String sql, ComparisonOperator op, List<String> args, SqlParams params) {
        if (isEquality(op) && args.get(0).contains("*")) {
            String like = sql + " ilike " + params.bind(likePattern(args.get(0)));
            return is(op, RSQLOperators.EQUAL) ? like : "not (" + like + ")";
        }
        return scalar(sql, op, args, params, a -> a);
    }

    private static String scalar(
            String sql,
            ComparisonOperator op,
            List<String> args,
            SqlParams params,
            java.util.function.Function<String, Object> convert) {
        if (is(op, RSQLOperators.IN) || is(op, RSQLOperators.NOT_IN)) {
            String list = args.stream().map(a -> params.bind(convert.apply(a))).collect(Collectors.joining(", "));
            return sql + (is(op, RSQLOperators.IN) ? " in (" : " not in (") + list + ")";
        }
        String value = params.bind(convert.apply(args.get(0)));
        return sql + " " + sqlOperator(op) + " " + value;
    }

    private static String stringArray(
            String selector, String sql, ComparisonOperator op, List<String> args, SqlParams params) {
        if (!isEquality(op) && !is(op, RSQLOperators.IN) && !is(op, RSQLOperators.NOT_IN)) {
            throw FilterParser.invalid("'" + selector + "' supports ==, !=, =in= and =out= only");
        }
        // Overlap (&&) with the listed values can use the GIN index on the array column.
        String values = args.stream()
                .map(a -> "cast(" + params.bind(a) + " as text)")
                .collect(Collectors.joining(", ", "array[", "]"));
        boolean negated = is(op, RSQLOperators.NOT_EQUAL) || is(op, RSQLOperators.NOT_IN);
        return (negated ? "not " : "") + "(" + sql + " && " + values + ")";
    }

    private static String attribute(
            String selector, String sql, String key, ComparisonOperator op, List<String> args, SqlParams params) {
        if (!ATTRIBUTE_KEY.matcher(key).matches()) {
            throw FilterParser.invalid("'" + selector + "' is not a valid attribute name");
        }
        if (isEquality(op) || is(op, RSQLOperators.IN) || is(op, RSQLOperators.NOT_IN)) {
            // Containment (@>) can use the GIN index. A value matches its typed form (7, true) or its text form.
            List<String> matches = new ArrayList<>();
            for (String arg : args) {
                for (Object candidate : candidates(selector, arg)) {
                    ObjectNode probe = JsonNodeFactory.instance.objectNode();
                    probe.set(key, JSON.valueToTree(candidate));
                    matches.add(sql + " @> cast(cast(" + params.bind(probe.toString()) + " as text) as jsonb)");
                }
            }
            String anyOf = matches.stream().collect(Collectors.joining(" or ", "(", ")"));
            boolean negated = is(op, RSQLOperators.NOT_EQUAL) || is(op, RSQLOperators.NOT_IN);
            return negated ? "not " + anyOf : anyOf;
        }
        String arg = args.get(0);
        String keyParam = "cast(" + params.bind(key) + " as text)";
        BigDecimal number = asNumber(selector, arg);
        if (number != null) {
            return "(case when jsonb_typeof(" + sql + " -> " + keyParam + ") = 'number' then cast(" + sql + " ->> "
                    + keyParam + " as numeric) end) " + sqlOperator(op) + " " + params.bind(number);
        }
        return "(case when jsonb_typeof(" + sql + " -> " + keyParam + ") = 'string' then " + sql + " ->> " + keyParam
                + " end) " + sqlOperator(op) + " " + params.bind(arg);
    }

    private static List<Object> candidates(String selector, String arg) {
        List<Object> values = new ArrayList<>();
        values.add(arg);
        BigDecimal number = asNumber(selector, arg);
        if (number != null) {
            values.add(number);
        }
        if (arg.equals("true") || arg.equals("false")) {
            values.add(Boolean.valueOf(arg));
        }
        return values;
    }

    /**
     * The number {@code arg} is, or null when it is none. A number beyond what a double holds (1e999999999) is no
     * value any stored number can be compared with, and PostgreSQL refuses it: out of range.
     */
    private static BigDecimal asNumber(String field, String arg) {
        BigDecimal number;
        try {
            number = new BigDecimal(arg);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!Double.isFinite(number.doubleValue()) || Math.abs(number.scale()) > 1000) {
            throw FilterParser.invalid("'" + field + "' value '" + arg + "' is out of range: numbers within ±1.7e308"
                    + " with at most 1000 decimals can be compared");
        }
        return number;
    }

    private static String sqlOperator(ComparisonOperator op) {
        if (is(op, RSQLOperators.EQUAL)) {
            return "=";
        } else if (is(op, RSQLOperators.NOT_EQUAL)) {
            return "<>";
        } else if (is(op, RSQLOperators.LESS_THAN)) {
            return "<";
        } else if (is(op, RSQLOperators.LESS_THAN_OR_EQUAL)) {
            return "<=";
        } else if (is(op, RSQLOperators.GREATER_THAN)) {
            return ">";
        } else if (is(op, RSQLOperators.GREATER_THAN_OR_EQUAL)) {
            return ">=";
        }
        throw FilterParser.invalid("operator " + op.getSymbol() + " is not supported here");
    }

    private static boolean isEquality(ComparisonOperator op) {
        return is(op, RSQLOperators.EQUAL) || is(op, RSQLOperators.NOT_EQUAL);
    }

    private static boolean is(ComparisonOperator op, ComparisonOperator expected) {
        return FilterParser.isOperator(op, expected);
    }

    private static String likePattern(String arg) {
        String escaped = arg.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped.replace('*', '%');
    }

    private static OffsetDateTime timestamp(String field, String arg) {
        OffsetDateTime time;
        try {
            time = arg.length() == 10
                    ? LocalDate.parse(arg).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(arg);
        } catch (DateTimeParseException e) {
            throw FilterParser.invalid("'" + field + "' needs an ISO-8601 date or timestamp, not '" + arg + "'");
        }
        return inRange(field, arg, time.getYear(), time);
    }

    private static LocalDate date(String field, String arg) {
        LocalDate date;
        try {
            date = LocalDate.parse(arg);
        } catch (DateTimeParseException e) {
            throw FilterParser.invalid("'" + field + "' needs an ISO-8601 date, not '" + arg + "'");
        }
        return inRange(field, arg, date.getYear(), date);
    }

    private static BigDecimal number(String field, String arg) {
        BigDecimal number = asNumber(field, arg);
        if (number == null) {
            throw FilterParser.invalid("'" + field + "' needs a number, not '" + arg + "'");
        }
        return number;
    }

    /**
     * Dates and times in filters are years 1 to 9999, the four-digit years of ISO 8601: PostgreSQL keeps neither
     * Java's years of nine digits nor years before 4713 BC, and refused them with an error of its own.
     */
    private static <T> T inRange(String field, String arg, int year, T value) {
        if (year < 1 || year > 9999) {
            throw FilterParser.invalid(
                    "'" + field + "' value '" + arg + "' is out of range: years 0001 to 9999 can be compared");
        }
        return value;
    }
}
