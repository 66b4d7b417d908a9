package dev.rapport.customer.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.Plausible;

/**
 * The writable fields of a customer. The same shape is the target of a merge patch: the current customer is
 * rendered as this document, the patch is merged into it, and the result is validated as a whole.
 */
@Schema(
        description = "The writable fields of a customer profile. A PATCH (application/merge-patch+json) sends any "
                + "subset of these fields; null removes a value.")
public record CreateCustomerRequest(
        @Schema(
                description = "The customer's id in your own systems: unique among a partner's live customers, the"
                        + " key an import upserts by",
                examples = "CRM-000123")
        @Size(max = 200)
        @Pattern(
                regexp = "[^\\p{Cntrl}\\s](?:[^\\p{Cntrl}]*[^\\p{Cntrl}\\s])?",
                message = "must be 1 to 200 characters without control characters or surrounding spaces")
        String externalId,

        @Schema(description = "Given (first) name", examples = "Ada") @Size(max = 100)
        String givenName,

        @Schema(description = "Family (last) name", examples = "Lovelace") @Size(max = 100)
        String familyName,

        @Schema(description = "Email addresses; each belongs to at most one live customer") @Size(max = 10)
        List<@NotNull @Valid EmailAddress> emails,

        @Schema(description = "Phone numbers") @Size(max = 10)
        List<@NotNull @Valid PhoneNumber> phones,

        @Schema(description = "Postal addresses") @Size(max = 10)
        List<@NotNull @Valid PostalAddress> addresses,

        @Schema(description = "Date of birth, from 1900-01-01 to yesterday", examples = "1985-12-10") @Past @Plausible
        LocalDate birthday,

        @Schema(description = "Preferred locale, BCP 47", examples = "en-GB")
        @Size(max = 35)
        @Pattern(
                regexp = "[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8}){0,8}",
                message = "must be a BCP 47 language tag such as en-GB")
        String locale,

        @Schema(description = "IANA time zone", examples = "Europe/London") @Size(max = 64)
        String timeZone,

        @Schema(description = "Free tags, lower-cased on save", examples = "[\"vip\", \"newsletter\"]") @Size(max = 50)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[\\p{L}\\p{N}_:.-]{1,50}",
                                message = "must be 1 to 50 letters, digits or _:.-")
                        String>
                tags,

        @Schema(description = "User id of the account owner", examples = "u-1234") @Size(max = 100)
        String ownerId,

        @Schema(description = "Marketing consents per channel") @Valid
        Consents consents,

        @Schema(
                description = "Custom attributes: keys of letters, digits and underscores; values are strings, "
                        + "numbers or booleans. Filterable as attributes.<key>.",
                examples = "{\"segment\": \"b2b\", \"score\": 42}")
        @Size(max = 50)
        Map<String, Object> attributes) {}
