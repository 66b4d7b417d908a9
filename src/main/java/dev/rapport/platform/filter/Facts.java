package dev.rapport.platform.filter;

import java.util.Map;

/**
 * What is known about one customer, by fact name, as {@link FactCatalog} loads it: String (text), OffsetDateTime,
 * LocalDate, BigDecimal, Boolean, List of String (arrays) or Map of String to scalar (keyed facts such as
 * attributes); a missing fact is null.
 */
public record Facts(Map<String, Object> values) {

    public Object get(String name) {
        return values.get(name);
    }
}
