package dev.rapport.platform.paging;

import java.util.Map;
import java.util.stream.Collectors;

import dev.rapport.platform.error.DomainException;

/**
 * A parsed {@code ?sort=} value: one sortable field, ascending or descending ({@code -createdAt}); the id breaks
 * ties so that the order is total and cursors are exact.
 */
public record Sort(SortField field, boolean descending) {

    /** A field a list may be sorted by, and the SQL expression behind it. */
    public record SortField(String name, String sql, Kind kind) {}

    /** How a sort key is carried in a cursor and bound back into SQL. */
    public enum Kind {
        TIMESTAMP,
        TEXT
    }

    public static Sort parse(String value, Map<String, SortField> allowed, Sort defaultSort) {
        if (value == null || value.isBlank()) {
            return defaultSort;
        }
        String trimmed = value.trim();
        boolean descending = trimmed.startsWith("-");
        String name = descending || trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
        SortField field = allowed.get(name);
        if (field == null) {
            throw DomainException.invalid(
                    "sort",
                    "cannot sort by '" + name + "'; sortable fields are "
                            + allowed.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        return new Sort(field, descending);
    }

    @Override
    public String toString() {
        return (descending ? "-" : "") + field.name();
    }
}
