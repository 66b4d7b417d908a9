package dev.rapport.customer.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.Plausible;

@Description("A customer's marketing consent for one channel")
@Schema(description = "A customer's marketing consent for one channel")
public record Consent(
        @Description("Whether the customer agreed to be contacted on this channel")
        @Schema(description = "Whether the customer agreed to be contacted on this channel", required = true)
        @NotNull
        Boolean granted,

        @Description("Where the consent was given or withdrawn")
        @Schema(description = "Where the consent was given or withdrawn", examples = "signup-form")
        @Size(max = 100)
        String source,

        @Description(
                "When it was given or withdrawn, from 1900 to a day from now; the time of the request when omitted")
        @Schema(
                description =
                        "When it was given or withdrawn, from 1900 to a day from now; the time of the request when omitted")
        @Plausible
        OffsetDateTime recordedAt,

        @Description("The wording or version of the consent text the customer accepted or refused")
        @Schema(
                description = "The wording or version of the consent text the customer accepted or refused",
                examples = "newsletter-terms-v3")
        @Size(max = 200)
        String version) {}
