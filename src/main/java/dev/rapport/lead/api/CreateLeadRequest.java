package dev.rapport.lead.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The writable fields of a lead. The same shape is the target of a merge patch: the current lead is rendered as this
 * document, the patch merged in, and the result validated as a whole.
 */
@Schema(
        description = "A lead to capture. A PATCH (application/merge-patch+json) sends any subset of these fields; a "
                + "stage change must name a stage of the lead's pipeline, and a lost stage needs lostReason.")
public record CreateLeadRequest(
        @Schema(description = "Given name", examples = "Peter") @Size(max = 200)
        String givenName,

        @Schema(description = "Family name", examples = "Gibbons") @Size(max = 200)
        String familyName,

        @Schema(description = "Email, lower-cased on save", examples = "peter@initech.example") @Size(max = 254) @Email
        String email,

        @Schema(
                description = "Phone, international (+ and country code); spaces, dots, dashes, brackets and a "
                        + "leading 00 are removed on save",
                examples = "+44 20 7946 0958")
        @Size(max = 40)
        String phone,

        @Schema(description = "The company") @Valid LeadCompany company,

        @Schema(
                description = "Where the lead came from",
                required = true,
                enumeration = {"web_form", "referral", "event", "partner", "import", "ads", "other"})
        @NotNull
        @Pattern(
                regexp = "web_form|referral|event|partner|import|ads|other",
                message = "must be web_form, referral, event, partner, import, ads or other")
        String source,

        @Schema(description = "Campaign", examples = "spring-launch") @Size(max = 200)
        String campaign,

        @Schema(description = "Campaign tracking parameters") @Valid
        LeadUtm utm,

        @Schema(description = "Pipeline; the default pipeline when omitted")
        UUID pipelineId,

        @Schema(description = "Stage key in the pipeline; its first open stage when omitted", examples = "new")
        @Size(max = 40)
        String stage,

        @Schema(
                description = "User id of the salesperson who owns it; the assignment rules choose one when omitted",
                examples = "sam.sales")
        @Size(max = 200)
        String ownerId,

        @Schema(
                description = "Estimated deal value, an exact decimal with at most the currency's minor units",
                examples = "12000.00")
        @DecimalMin("0")
        @Digits(integer = 15, fraction = 4)
        BigDecimal estimatedValue,

        @Schema(description = "ISO 4217 currency of estimatedValue", examples = "EUR")
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @Schema(description = "Expected close date") LocalDate expectedCloseDate,

        @Schema(description = "Free tags, lower-cased on save", examples = "[\"enterprise\"]") @Size(max = 50)
        List<
                        @NotNull
                        @Pattern(
                                regexp = "[\\p{L}\\p{N}_:.-]{1,50}",
                                message = "must be 1 to 50 letters, digits or _:.-")
                        String>
                tags,

        @Schema(description = "Custom attributes: a JSON object of scalar values", examples = "{\"seats\": 40}")
        @Size(max = 50)
        Map<String, Object> attributes,

        @Schema(description = "Why the lead was lost or disqualified; required in a lost stage", examples = "budget")
        @Size(max = 500)
        String lostReason) {}
