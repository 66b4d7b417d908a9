package dev.rapport.customer.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * An extension point: a domain's part of the customer 360 view, which {@code ?expand=<name>} adds to each customer
 * of a REST answer under that name (the domain adds the same part to GraphQL's Customer as a batched field).
 * Implement it as a CDI bean; the customer domain is not edited.
 */
public interface CustomerViewPart {

    /** The name {@code expand} takes and the customer carries the part under, for example {@code tickets}. */
    String name();

    /** The part of each customer among {@code customerIds}, with a constant number of statements. */
    Uni<Map<UUID, Object>> load(List<UUID> customerIds);
}
