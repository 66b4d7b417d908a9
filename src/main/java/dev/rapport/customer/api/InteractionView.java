package dev.rapport.customer.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.CustomerEvent;

@Type("Interaction")
@Description("An entry of a customer's timeline")
@Schema(
        name = "Interaction",
        extensions = {
            @Extension(name = "x-event-types", value = CustomerEvent.INTERACTION_LOGGED),
            @Extension(name = "x-event-example", value = CustomerEvent.INTERACTION_LOGGED_EXAMPLE, parseValue = true)
        },
        description = "An entry of a customer's timeline")
public record InteractionView(
        @Schema(description = "Interaction id") @Description("Interaction id")
        UUID id,

        @Schema(description = "Customer id") @Description("Customer id")
        UUID customerId,

        @Schema(description = "Kind of interaction") @Description("Kind of interaction")
        InteractionType type,

        @Schema(description = "Channel it happened on, such as phone, web or store")
        @Description("Channel it happened on, such as phone, web or store")
        String channel,

        @Schema(description = "Touchpoint of the customer journey, such as checkout or onboarding")
        @Description("Touchpoint of the customer journey, such as checkout or onboarding")
        String touchpoint,

        @Schema(description = "What happened") @Description("What happened")
        String summary,

        @Schema(description = "Who logged it") @Description("Who logged it")
        String actor,

        @Schema(description = "When it happened") @Description("When it happened")
        OffsetDateTime occurredAt,

        @Schema(description = "When it was logged") @Description("When it was logged")
        OffsetDateTime createdAt) {}
