package dev.rapport.customer.api;

import jakarta.validation.Valid;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Marketing consents per channel; a missing channel means no consent recorded")
public record Consents(
        @Schema(description = "Consent to marketing email") @Valid Consent email,
        @Schema(description = "Consent to marketing SMS") @Valid Consent sms,
        @Schema(description = "Consent to push notifications") @Valid Consent push) {

    public static final Consents NONE = new Consents(null, null, null);
}
