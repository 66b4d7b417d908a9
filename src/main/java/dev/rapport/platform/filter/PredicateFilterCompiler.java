package dev.rapport.platform.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cz.jirutka.rsql.parser.ast.AndNode;
import cz.jirutka.rsql.parser.ast.ComparisonNode;
import cz.jirutka.rsql.parser.ast.NoArgRSQLVisitorAdapter;
import cz.jirutka.rsql.parser.ast.Node;
import cz.jirutka.rsql.parser.ast.OrNode;
import dev.rapport.platform.filter.Condition.Op;

/**
 * Compiles a filter tree into a predicate over one customer's {@link Facts}: what re-evaluates a customer against
 * every segment after a change without a query per segment. It answers as {@link SqlFilterCompiler}'s SQL does
 * over the same facts (FilterEquivalenceTest): a missing value makes a comparison false, text orders by code
 * point, a wildcard ignores case, numbers compare by value and times by instant.
 */
public final class PredicateFilterCompiler {

    private final Map<String, FilterField> fields;

    public PredicateFilterCompiler(List<FilterField> fields) {
        Map<String, FilterField> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        this.fields = Map.copyOf(byName);
    }

    /** A compiled filter: whether facts match, and which of its conditions hold. */
    public static final class FactPredicate implements Predicate<Facts> {

        private final Predicate<Facts> root;
        private final Map<String, Predicate<Facts>> conditions;
        private final boolean relative;

        FactPredicate(Predicate<Facts> root, Map<String, Predicate<Facts>> conditions, boolean relative) {
            this.root = root;
            this.conditions = conditions;
            this.relative = relative;
        }

        /**
         * Whether the filter compares a time relative to now: the predicate holds for the moment it was compiled
         * for only, and must be compiled again later. Without, it answers the same at any time.
         */
        public boolean relative() {
            return relative;
        }

        @Override
        public boolean test(Facts facts) {
            return root.test(facts);
        }

        /** The conditions, as written, whose value for {@code facts} is {@code value}: why a rule holds or not. */
        public List<String> conditionsThatAre(boolean value, Facts facts) {
            return conditions.entrySet().stream()
                    .filter(condition -> condition.getValue().test(facts) == value)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /** Compiles {@code node}; relative times count back from {@code now}. */
    public FactPredicate compile(Node node, Instant now) {
        Map<String, Predicate<Facts>> conditions = new LinkedHashMap<>();
        boolean[] relative = {false};
        Predicate<Facts> root = node.accept(new NoArgRSQLVisitorAdapter<Predicate<Facts>>() {
            @Override
            public Predicate<Facts> visit(AndNode node) {
                List<Predicate<Facts>> children = node.getChildren().stream()
                        .map(child -> child.accept(this))
                        .toList();
                return facts -> children.stream().allMatch(child -> child.test(facts));
            }

            @Override
            public Predicate<Facts> visit(OrNode node) {
                List<Predicate<Facts>> children = node.getChildren().stream()
                        .map(child -> child.accept(this))
                        .toList();
                return facts -> children.stream().anyMatch(child -> child.test(facts));
            }

            @Override
            public Predicate<Facts> visit(ComparisonNode node) {
                Condition condition = Condition.resolve(fields, node, now);
                relative[0] |= condition.relative();
                Predicate<Facts> compiled = comparison(condition);
                conditions.putIfAbsent(condition.text(), compiled);
                return compiled;
            }
        });
        return new FactPredicate(root, conditions, relative[0]);
    }

    private static Predicate<Facts> comparison(Condition condition) {
        String name = condition.field().name();
        return switch (condition.field().type()) {
            case TEXT -> condition.wildcard() ? wildcard(name, condition) : ordered(name, condition, Text::compare);
            case TIMESTAMP ->
                ordered(
                        name,
                        condition,
                        (OffsetDateTime a, OffsetDateTime b) -> a.toInstant().compareTo(b.toInstant()));
            case DATE -> ordered(name, condition, LocalDate::compareTo);
            case NUMBER ->
                ordered(
                        name,
                        condition,
                        (Number a, BigDecimal b) -> Attributes.decimal(a).compareTo(b));
            case BOOLEAN -> ordered(name, condition, (Boolean a, Boolean b) -> a.equals(b) ? 0 : 1);
            case STRING_ARRAY -> array(name, condition);
            case ATTRIBUTES -> attribute(name, condition);
        };
    }

    /** How two values of a type compare: 0 when equal, else their order. */
    @FunctionalInterface
    private interface Order<S, V> {
        int compare(S stored, V value);
    }

    @SuppressWarnings("unchecked")
    private static <S, V> Predicate<Facts> ordered(String name, Condition condition, Order<S, V> order) {
        Op op = condition.op();
        List<V> values = (List<V>) condition.values();
        V value = values.get(0);
        return facts -> {
            S stored = (S) facts.get(name);
            if (stored == null) {
                return false;
            }
            return switch (op) {
                case EQ -> order.compare(stored, value) == 0;
                case NE -> order.compare(stored, value) != 0;
                case LT -> order.compare(stored, value) < 0;
                case LE -> order.compare(stored, value) <= 0;
                case GT -> order.compare(stored, value) > 0;
                case GE -> order.compare(stored, value) >= 0;
                case IN -> values.stream().anyMatch(v -> order.compare(stored, v) == 0);
                case OUT -> values.stream().noneMatch(v -> order.compare(stored, v) == 0);
            };
        };
    }

    private static Predicate<Facts> wildcard(String name, Condition condition) {
        Pattern pattern = Text.wildcard((String) condition.value());
        boolean negated = condition.op().negated();
        return facts -> facts.get(name) instanceof String stored
                && pattern.matcher(stored).matches() != negated;
    }

    private static Predicate<Facts> array(String name, Condition condition) {
        List<Object> values = condition.values();
        boolean negated = condition.op().negated();
        return facts ->
                facts.get(name) instanceof List<?> stored && stored.stream().anyMatch(values::contains) != negated;
    }

    private static Predicate<Facts> attribute(String name, Condition condition) {
        Op op = condition.op();
        String key = condition.key();
        if (!op.ordering()) {
            List<Object> candidates = condition.values().stream()
                    .flatMap(arg -> Attributes.candidates((String) arg).stream())
                    .collect(Collectors.toList());
            return facts -> facts.get(name) instanceof Map<?, ?> stored
                    && candidates.stream().anyMatch(c -> Attributes.matches(stored.get(key), c)) != op.negated();
        }
        String arg = (String) condition.value();
        BigDecimal number = Condition.number(condition.text(), arg, false);
        Order<Object, Object> order = number != null
                ? (stored, value) -> Attributes.decimal((Number) stored).compareTo(number)
                : (stored, value) -> Text.compare((String) stored, arg);
        Class<?> kind = number != null ? Number.class : String.class;
        return facts -> {
            Object stored = facts.get(name) instanceof Map<?, ?> map ? map.get(key) : null;
            if (!kind.isInstance(stored) || (number != null && stored instanceof Boolean)) {
                return false;
            }
            int compared = order.compare(stored, arg);
            return switch (op) {
                case LT -> compared < 0;
                case LE -> compared <= 0;
                case GT -> compared > 0;
                default -> compared >= 0;
            };
        };
    }

    /** Text as PostgreSQL compares it in a filter. */
    static final class Text {

        private Text() {}

        /** By code point, as {@code collate "C"} orders UTF-8. */
        static int compare(String a, String b) {
            int i = 0;
            int j = 0;
            while (i < a.length() && j < b.length()) {
                int x = a.codePointAt(i);
                int y = b.codePointAt(j);
                if (x != y) {
                    return Integer.compare(x, y);
                }
                i += Character.charCount(x);
                j += Character.charCount(y);
            }
            return Boolean.compare(i < a.length(), j < b.length());
        }

        /** An {@code ilike} pattern of a filter's {@code *} wildcard, case-insensitive. */
        static Pattern wildcard(String arg) {
            String regex = java.util.Arrays.stream(arg.split("\\*", -1))
                    .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                    .collect(Collectors.joining(".*"));
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }
    }
}
