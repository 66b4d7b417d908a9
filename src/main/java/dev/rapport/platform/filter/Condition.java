package dev.rapport.platform.filter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.ComparisonOperator;
import dev.rapport.platform.filter.FilterField.FieldType;

/**
 * One comparison of a filter, resolved against the allow-list: its field (and attribute key), its operator, and its
 * arguments converted to the field's type, relative times already turned into times. Both compilers read
 * conditions, so they accept and refuse the same filters with the same messages and compare the same values.
 *
 * @param text the comparison as written, normalized ({@code lastPurchaseAt=lt=-P60D})
 * @param key the attribute key of an {@link FieldType#ATTRIBUTES} field, else null
 * @param values the arguments, converted: String, OffsetDateTime, LocalDate, BigDecimal or Boolean by type;
 *     attribute arguments stay text (their candidates are typed where they are compared)
 * @param wildcard whether a text equality has a {@code *}: then the value is a pattern
 * @param relative whether a time or date was given relative to now ({@code -P90D}): the condition's values hold for
 *     the moment it was resolved only
 */
public record Condition(
        String text, FilterField field, String key, Op op, List<Object> values, boolean wildcard, boolean relative) {

    /** The operators, by meaning. */
    public enum Op {
        EQ("=="),
        NE("!="),
        LT("=lt="),
        LE("=le="),
        GT("=gt="),
        GE("=ge="),
        IN("=in="),
        OUT("=out=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** For the operators that take one argument and order values: the SQL operator. */
        String sql() {
            return switch (this) {
                case EQ -> "=";
                case NE -> "<>";
                case LT -> "<";
                case LE -> "<=";
                case GT -> ">";
                case GE -> ">=";
                default -> throw new IllegalStateException(name());
            };
        }

        boolean ordering() {
            return this == LT || this == LE || this == GT || this == GE;
        }

        boolean negated() {
            return this == NE || this == OUT;
        }

        boolean set() {
            return this == IN || this == OUT;
        }
    }

    static final Pattern ATTRIBUTE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern RELATIVE = Pattern.compile("-?P[0-9YMWDTHS.,]*");
    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[^\\s'\"(),;=!~<>]+");

    /** Resolves {@code node} against {@code fields}; relative times count back from {@code now}. */
    static Condition resolve(Map<String, FilterField> fields, ComparisonNode node, Instant now) {
        String selector = node.getSelector();
        FilterField field = fields.get(selector);
        String key = null;
        int dot = selector.indexOf('.');
        if (field == null && dot > 0) {
            FilterField keyed = fields.get(selector.substring(0, dot));
            if (keyed != null && keyed.type() == FieldType.ATTRIBUTES) {
                field = keyed;
                key = selector.substring(dot + 1);
            }
        }
        if (field == null || (key == null && field.type() == FieldType.ATTRIBUTES)) {
            throw FilterParser.invalid("unknown field '" + selector + "'; filterable fields are "
                    + fields.values().stream()
                            .map(FilterField::written)
                            .sorted()
                            .collect(Collectors.joining(", ")));
        }
        if (key != null && !ATTRIBUTE_KEY.matcher(key).matches()) {
            throw FilterParser.invalid("'" + selector + "' is not a valid attribute name");
        }
        Op op = op(node.getOperator());
        List<String> args = node.getArguments().stream().map(field.normalizer()).toList();
        FieldType type = field.type();
        if (op.ordering() && (type == FieldType.STRING_ARRAY || type == FieldType.BOOLEAN)) {
            throw FilterParser.invalid("'" + selector + "' supports ==, !=, =in= and =out= only");
        }
        boolean wildcard = type == FieldType.TEXT
                && (op == Op.EQ || op == Op.NE)
                && args.get(0).contains("*");
        FilterField resolved = field;
        List<Object> values =
                args.stream().map(arg -> convert(resolved, selector, arg, now)).toList();
        boolean relative = (type == FieldType.TIMESTAMP || type == FieldType.DATE)
                && args.stream().anyMatch(Condition::relative);
        return new Condition(text(node), field, key, op, values, wildcard, relative);
    }

    /** The single argument of a one-argument operator. */
    Object value() {
        return values.get(0);
    }

    private static Object convert(FilterField field, String selector, String arg, Instant now) {
        return switch (field.type()) {
            case TEXT, STRING_ARRAY -> arg;
            case ATTRIBUTES -> {
                number(selector, arg, false);
                yield arg;
            }
            case TIMESTAMP -> timestamp(selector, arg, now);
            case DATE -> date(selector, arg, now);
            case NUMBER -> number(selector, arg, true);
            case BOOLEAN -> {
                if (!arg.equals("true") && !arg.equals("false")) {
                    throw FilterParser.invalid("'" + selector + "' needs true or false, not '" + arg + "'");
                }
                yield Boolean.valueOf(arg);
            }
        };
    }

    private static Op op(ComparisonOperator operator) {
        for (Op op : Op.values()) {
            if (operator.getSymbol().equals(op.symbol)) {
                return op;
            }
        }
        throw FilterParser.invalid("operator " + operator.getSymbol() + " is not supported here");
    }

    /** The comparison as a filter would write it, arguments quoted where they must be. */
    static String text(ComparisonNode node) {
        Op op = op(node.getOperator());
        List<String> args = node.getArguments().stream().map(Condition::quoted).toList();
        String written = op.set() ? args.stream().collect(Collectors.joining(",", "(", ")")) : args.get(0);
        return node.getSelector() + op.symbol + written;
    }

    private static String quoted(String arg) {
        if (PLAIN_ARGUMENT.matcher(arg).matches()) {
            return arg;
        }
        return arg.contains("'") ? "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : "'" + arg + "'";
    }

    /** Whether {@code arg} is a time relative to now: {@code -P90D}, {@code P1Y}, {@code -PT12H}. */
    static boolean relative(String arg) {
        return RELATIVE.matcher(arg).matches();
    }

    /**
     * The number {@code arg} is (null when it is none and not {@code required}). A number beyond what a double holds
     * (1e999999999) is no value any stored number can be compared with, and PostgreSQL refuses it: out of range.
     */
    static BigDecimal number(String field, String arg, boolean required) {
        BigDecimal number;
        try {
            number = new BigDecimal(arg);
        } catch (NumberFormatException e) {
            if (required) {
                throw FilterParser.invalid("'" + field + "' needs a number, not '" + arg + "'");
            }
            return null;
        }
        if (!Double.isFinite(number.doubleValue()) || Math.abs(number.scale()) > 1000) {
            throw FilterParser.invalid("'" + field + "' value '" + arg + "' is out of range: numbers within ±1.7e308"
                    + " with at most 1000 decimals can be compared");
        }
        return number;
    }

    private static OffsetDateTime timestamp(String field, String arg, Instant now) {
        OffsetDateTime time;
        try {
            if (relative(arg)) {
                OffsetDateTime from = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
                time = arg.contains("T") ? from.plus(Duration.parse(arg)) : from.plus(Period.parse(arg));
            } else {
                time = arg.length() == 10
                        ? LocalDate.parse(arg).atStartOfDay().atOffset(ZoneOffset.UTC)
                        : OffsetDateTime.parse(arg);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw FilterParser.invalid("'" + field + "' needs an ISO-8601 date or timestamp, not '" + arg + "'");
        }
        return inRange(field, arg, time.getYear(), time);
    }

    private static LocalDate date(String field, String arg, Instant now) {
        LocalDate date;
        try {
            date = relative(arg) && !arg.contains("T")
                    ? LocalDate.ofInstant(now, ZoneOffset.UTC).plus(Period.parse(arg))
                    : LocalDate.parse(arg);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw FilterParser.invalid("'" + field + "' needs an ISO-8601 date, not '" + arg + "'");
        }
        return inRange(field, arg, date.getYear(), date);
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
