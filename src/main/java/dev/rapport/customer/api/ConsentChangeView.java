package dev.rapport.customer.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.customer.CustomerEvent;

@Type("ConsentChange")
@Description("One change of a customer's consent for a channel")
@Schema(
        name = "ConsentChange",
        extensions = {
            @Extension(name = "x-event-types", value = CustomerEvent.CONSENT_CHANGED),
            @Extension(name = "x-event-example", value = CustomerEvent.CONSENT_CHANGED_EXAMPLE, parseValue = true)
        },
        description = "One change of a customer's consent for a channel; the data of consent.changed")
public record ConsentChangeView(
        @Description("Id of the change") @Schema(description = "Id of the change")
        UUID id,

        @Description("The customer") @Schema(description = "The customer")
        UUID customerId,

        @Description("email, sms or push")
        @Schema(
                description = "The channel",
                enumeration = {"email", "sms", "push"})
        String channel,

        @Description("Whether the customer agreed") @Schema(description = "Whether the customer agreed")
        boolean granted,

        @Description("Where it was given or withdrawn")
        @Schema(description = "Where it was given or withdrawn", examples = "signup-form")
        String source,

        @Description("The wording or version of the consent text")
        @Schema(description = "The wording or version of the consent text", examples = "newsletter-terms-v3")
        String version,

        @Description("Who recorded it: the user or client; absent for changes from before history was kept")
        @Schema(description = "Who recorded it: the user or client; absent for changes from before history was kept")
        String actor,

        @Description("When it was given or withdrawn") @Schema(description = "When it was given or withdrawn")
        OffsetDateTime recordedAt) {}
