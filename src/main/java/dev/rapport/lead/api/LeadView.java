package dev.rapport.lead.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.rapport.lead.LeadEvent;

@Type("Lead")
@Description("A prospect followed through a sales pipeline")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Lead",
        extensions = {
            @Extension(name = "x-event-types", value = LeadEvent.CREATED),
            @Extension(name = "x-event-example", value = LeadEvent.CREATED_EXAMPLE, parseValue = true)
        },
        description = "A prospect: who, from where, in which stage of which pipeline, owned by whom and worth what")
public record LeadView(
        @Schema(description = "Lead id") @Description("Lead id")
        UUID id,

        @Schema(description = "Given name") @Description("Given name")
        String givenName,

        @Schema(description = "Family name") @Description("Family name")
        String familyName,

        @Schema(description = "Email, lower-cased") @Description("Email, lower-cased")
        String email,

        @Schema(description = "Phone, E.164") @Description("Phone, E.164")
        String phone,

        @Schema(description = "The company") @Description("The company")
        LeadCompany company,

        @Schema(
                description = "Where the lead came from",
                enumeration = {"web_form", "referral", "event", "partner", "import", "ads", "other"})
        @Description("Where the lead came from: web_form, referral, event, partner, import, ads or other")
        String source,

        @Schema(description = "Campaign") @Description("Campaign")
        String campaign,

        @Schema(description = "Campaign tracking parameters") @Description("Campaign tracking parameters")
        LeadUtm utm,

        @Schema(description = "Pipeline") @Description("Pipeline")
        UUID pipelineId,

        @Schema(description = "Stage key in the pipeline") @Description("Stage key in the pipeline")
        String stage,

        @Schema(description = "open, won or lost: the category of the stage")
        @Description("open, won or lost: the category of the stage")
        String stageCategory,

        @Schema(description = "When the lead entered its stage") @Description("When the lead entered its stage")
        OffsetDateTime stageEnteredAt,

        @Schema(description = "User id of the owner") @Description("User id of the owner")
        String ownerId,

        @Schema(description = "The score: the points of the scoring rules that hold (GET /v1/leads/{id}/score)")
        @Description("The score: the points of the scoring rules that hold")
        int score,

        @Schema(description = "Estimated deal value, exact decimal") @Description("Estimated deal value, exact decimal")
        BigDecimal estimatedValue,

        @Schema(description = "ISO 4217 currency of estimatedValue") @Description("ISO 4217 currency of estimatedValue")
        String currency,

        @Schema(description = "Expected close date") @Description("Expected close date")
        LocalDate expectedCloseDate,

        @Schema(description = "Tags") @Description("Tags") List<String> tags,
        @Schema(description = "Custom attributes") @Ignore Map<String, Object> attributes,

        @Schema(description = "Why it was lost or disqualified") @Description("Why it was lost or disqualified")
        String lostReason,

        @Schema(description = "The customer it was converted to") @Description("The customer it was converted to")
        UUID customerId,

        @Schema(description = "When it was converted") @Description("When it was converted")
        OffsetDateTime convertedAt,

        @Schema(description = "How many notes and activities it has") @Description("How many notes it has")
        int noteCount,

        @Schema(description = "When its latest note or activity happened")
        @Description("When its latest note or activity happened")
        OffsetDateTime lastNoteAt,

        @Schema(description = "The partner whose client captured it; absent for in-house leads")
        @Description("The partner whose client captured it; null for in-house leads")
        String partnerId,

        @Schema(description = "When it was captured") @Description("When it was captured")
        OffsetDateTime createdAt,

        @Schema(description = "When it last changed") @Description("When it last changed")
        OffsetDateTime updatedAt,

        @Schema(description = "Version; the ETag carries the same value")
        @Description("Version; pass it as ifMatchVersion to update without overwriting a concurrent change")
        long version) {}
