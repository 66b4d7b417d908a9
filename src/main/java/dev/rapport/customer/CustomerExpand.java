package dev.rapport.customer;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import dev.rapport.platform.error.DomainException;

/** What {@code ?expand=} asks to add to customers: the customer domain's own parts and other domains' parts. */
record CustomerExpand(Set<CustomerExpansion> own, Set<String> parts) {

    static final CustomerExpand NONE = new CustomerExpand(EnumSet.noneOf(CustomerExpansion.class), Set.of());

    boolean isEmpty() {
        return own.isEmpty() && parts.isEmpty();
    }

    /** Parses {@code expand}, whose names are the customer domain's or among {@code known}. */
    static CustomerExpand parse(String expand, Set<String> known) {
        Set<CustomerExpansion> own = EnumSet.noneOf(CustomerExpansion.class);
        Set<String> parts = new LinkedHashSet<>();
        if (expand == null || expand.isBlank()) {
            return NONE;
        }
        for (String part : expand.split(",")) {
            String name = part.trim();
            if (known.contains(name)) {
                parts.add(name);
                continue;
            }
            try {
                own.add(CustomerExpansion.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                Set<String> all = new java.util.TreeSet<>(known);
                for (CustomerExpansion expansion : CustomerExpansion.values()) {
                    all.add(expansion.name().toLowerCase(Locale.ROOT));
                }
                throw DomainException.invalid(
                        "expand", "'" + name + "' cannot be expanded; use " + String.join(", ", all));
            }
        }
        return new CustomerExpand(own, Set.copyOf(parts));
    }
}
