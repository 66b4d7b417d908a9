package dev.rapport.customer;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    @Schema(name = "CustomerUpdatedData",
            description = "The data of customer.updated: what changed, and the customer as it is now")
    public record Updated(
            @Schema(description = "Customer id") UUID id,
            @Schema(description = "Names of the fields the change set", examples = "[\"familyName\"]")
            List<String> changedFields,
            @Schema(description = "The customer after the change") CustomerView customer) implements ChangeSummary {
    }

    /** Payload of {@code customer.deleted}. */
    @Schema(name = "CustomerDeletedData", description = "The data of customer.deleted")
    public record Deleted(@Schema(description = "Id of the deleted customer") UUID id) {
    }
}
