package dev.rapport.automation.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(
        description = "What to try a trigger on: a stored event (eventId), an event described here (event), or, for "
                + "a date trigger, a customer (customerId). Exactly one.")
public record TriggerTestRequest(
        @Schema(description = "An event of the change feed") UUID eventId,

        @Schema(description = "An event as it would be appended") @Valid
        Event event,

        @Schema(description = "A customer, for a date trigger")
        UUID customerId) {

    @Schema(name = "TriggerTestEvent", description = "An event as it would be appended")
    public record Event(
            @Schema(description = "Event type", examples = "purchase.recorded", required = true)
            @NotBlank
            @Size(max = 200)
            @Pattern(regexp = "[a-z_]+(?:\\.[a-z_]+){0,9}", message = "must be an event type such as customer.updated")
            String type,

            @Schema(description = "The customer it concerns")
            UUID customerId,

            @Schema(description = "Its data, a JSON object", examples = "{\"currency\": \"EUR\", \"amount\": 120}")
            JsonNode data) {}
}
