package dev.rapport.customer.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.Plausible;

@Input("InteractionInput")
@Description("An interaction to log on a customer's timeline")
@Schema(description = "An interaction to log on a customer's timeline")
public record CreateInteractionRequest(
        @Schema(description = "Kind of interaction", required = true) @Description("Kind of interaction") @NotNull
        InteractionType type,

        @Schema(description = "Channel", examples = "phone") @Description("Channel") @Size(max = 40)
        String channel,

        @Schema(description = "Touchpoint", examples = "onboarding") @Description("Touchpoint") @Size(max = 80)
        String touchpoint,

        @Schema(description = "What happened", examples = "Called about the delayed delivery")
        @Description("What happened")
        @Size(max = 4000)
        String summary,

        @Schema(description = "When it happened, from 1900 to a day from now; now when omitted")
        @Description("When it happened, from 1900 to a day from now; now when omitted")
        @Plausible
        OffsetDateTime occurredAt) {}
