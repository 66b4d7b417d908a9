package dev.rapport.customer.api;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A customer's marketing consent for one channel")
public record Consent(
        @Schema(description = "Whether the customer agreed to be contacted on this channel", required = true)
        @NotNull Boolean granted,
        @Schema(description = "Where the consent was given or withdrawn", examples = "signup-form")
        @Size(max = 100) String source,
        @Schema(description = "When it was given or withdrawn; the time of the request when omitted")
        OffsetDateTime recordedAt) {
}
