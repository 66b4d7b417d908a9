package dev.rapport.customer;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.rapport.platform.error.DomainException;

/** What {@code ?expand=} may add to a customer: the parts of the customer 360 view. */
public enum CustomerExpansion {
    PURCHASES,
    INTERACTIONS,
    STATS;

    /** How many recent purchases and interactions an expanded customer carries. */
    public static final int RECENT = 10;

    public static Set<CustomerExpansion> parse(String expand) {
        Set<CustomerExpansion> result = EnumSet.noneOf(CustomerExpansion.class);
        if (expand == null || expand.isBlank()) {
            return result;
        }
        for (String part : expand.split(",")) {
            try {
                result.add(valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(
                        "expand", "'" + part.trim() + "' cannot be expanded; use purchases, interactions or stats");
            }
        }
        return result;
    }
}
