package dev.rapport.platform.filter;

import java.util.function.UnaryOperator;

/**
 * A field that may appear in a filter: its public name, the SQL expression it reads, its type, and how an
 * argument is normalized before comparison (for example lower-casing an email address).
 */
public record FilterField(String name, String sql, FieldType type, UnaryOperator<String> normalizer) {

    public enum FieldType {
        /** Text compared exactly; {@code *} in an == argument is a wildcard. */
        TEXT,
        /** A point in time, given as an ISO-8601 instant or date. */
        TIMESTAMP,
        /** A calendar date, ISO-8601. */
        DATE,
        /** An exact decimal number. */
        NUMBER,
        /** A JSON array of strings; == means "contains". */
        STRING_ARRAY,
        /** A JSON object of custom attributes, addressed as {@code name.key}. */
        ATTRIBUTES
    }

    public static FilterField of(String name, String sql, FieldType type) {
        return new FilterField(name, sql, type, UnaryOperator.identity());
    }

    public static FilterField of(String name, String sql, FieldType type, UnaryOperator<String> normalizer) {
        return new FilterField(name, sql, type, normalizer);
    }
}
