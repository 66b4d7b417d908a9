package dev.rapport.customer;

import java.util.List;
import java.util.UUID;

import dev.rapport.customer.api.CustomerView;
import dev.rapport.event.ChangeSummary;

/** The event types the customer domain writes to the event log, and the payloads that are not plain views. */
public final class CustomerEvent {

    public static final String SUBJECT = "customer";

    public static final String CREATED = "customer.created";
    public static final String UPDATED = "customer.updated";
    public static final String DELETED = "customer.deleted";
    public static final String PURCHASE_RECORDED = "purchase.recorded";
    public static final String INTERACTION_LOGGED = "interaction.logged";

    private CustomerEvent() {
    }

    /** Payload of {@code customer.updated}: the new state and the names of the fields that changed. */
    public record Updated(UUID id, List<String> changedFields, CustomerView customer) implements ChangeSummary {
    }

    /** Payload of {@code customer.deleted}. */
    public record Deleted(UUID id) {
    }
}
