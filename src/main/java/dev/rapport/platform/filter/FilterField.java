package dev.rapport.platform.filter;

import java.util.function.UnaryOperator;

/**
 * A field that may appear in a filter, a segment rule or a trigger condition: its public name, the SQL expression
 * it reads, its type, and how an argument is normalized before comparison (for example lower-casing an email
 * address). The SQL may use {@code {now}} (a timestamptz) and {@code {today}} (a date, UTC), which are bound to the
 * time the filter is evaluated at, so that facts such as "days since" read the service's clock.
 */
public record FilterField(String name, String sql, FieldType type, UnaryOperator<String> normalizer) {

    public enum FieldType {
        /** Text compared exactly (ordering by code point); {@code *} in an == argument is a wildcard. */
        TEXT,
        /** A point in time, given as an ISO-8601 instant or date, or relative to now ({@code -P90D}). */
        TIMESTAMP,
        /** A calendar date, ISO-8601, or relative to today ({@code -P1Y}). */
        DATE,
        /** An exact decimal number. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /** A JSON array of strings; == means "contains". */
        STRING_ARRAY,
        /** A JSON object of scalar values (custom attributes), addressed as {@code name.key}. */
        ATTRIBUTES
    }

    public static FilterField of(String name, String sql, FieldType type) {
        return new FilterField(name, sql, type, UnaryOperator.identity());
    }

    public static FilterField of(String name, String sql, FieldType type, UnaryOperator<String> normalizer) {
        return new FilterField(name, sql, type, normalizer);
    }

    /** How the field is written in a filter: {@code attributes.<key>} for keyed fields. */
    public String written() {
        return type == FieldType.ATTRIBUTES ? name + ".<key>" : name;
    }
}
