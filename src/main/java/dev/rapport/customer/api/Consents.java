package dev.rapport.customer.api;

import jakarta.validation.Valid;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Description("Marketing consents per channel; a missing channel means no consent recorded")
@Schema(description = "Marketing consents per channel; a missing channel means no consent recorded")
public record Consents(
        @Description("Consent to marketing email") @Schema(description = "Consent to marketing email") @Valid
        Consent email,

        @Description("Consent to marketing SMS") @Schema(description = "Consent to marketing SMS") @Valid
        Consent sms,

        @Description("Consent to push notifications") @Schema(description = "Consent to push notifications") @Valid
        Consent push) {

    public static final Consents NONE = new Consents(null, null, null);
}
