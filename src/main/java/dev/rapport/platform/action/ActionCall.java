package dev.rapport.platform.action;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.error.DomainException;
import dev.rapport.platform.error.ProblemType;

/**
 * One action of one firing: the run, its trigger, the action's place in the trigger's list, the firing's number
 * among the trigger's firings (1, 2, …; what a round-robin choice turns on, the same on every retry), the customer
 * it fired for (null when the causing event concerns none) and the trigger's partner (null: in-house), and the
 * action's settings as checked when the trigger was defined, and the event that fired it: its type and data (both
 * null for a date or schedule firing), what an action's settings may refer to ({@code {{data.orderRef}}}).
 */
public record ActionCall(
        UUID runId,
        UUID triggerId,
        int position,
        long sequence,
        UUID customerId,
        String partnerId,
        JsonNode settings,
        String eventType,
        JsonNode eventData) {

    /** The customer, or a failure that retrying cannot mend. */
    public UUID requireCustomer() {
        if (customerId == null) {
            throw new DomainException(ProblemType.CONFLICT, "The firing concerns no customer");
        }
        return customerId;
    }
}
