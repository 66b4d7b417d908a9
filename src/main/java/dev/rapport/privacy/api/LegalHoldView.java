package dev.rapport.privacy.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.privacy.PrivacyEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@Schema(
        name = "LegalHold",
        extensions = {
            @Extension(name = "x-event-types", value = PrivacyEvent.LEGAL_HOLD_PLACED),
            @Extension(name = "x-event-example", value = PrivacyEvent.LEGAL_HOLD_PLACED_EXAMPLE, parseValue = true)
        },
        description = "A legal hold on a customer: while it stands, the customer's personal data cannot be erased")
public record LegalHoldView(
        @Schema(description = "The customer") UUID customerId,
        @Schema(description = "Why the data is kept") String reason,
        @Schema(description = "A case or matter number") String reference,
        @Schema(description = "Who placed it") String placedBy,
        @Schema(description = "When it was placed") OffsetDateTime placedAt) {}
