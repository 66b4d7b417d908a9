package dev.rapport.lead.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Type("CustomerLead")
@Description("The lead a customer was converted from")
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CustomerLead", description = "The lead a customer was converted from (?expand=lead)")
public record CustomerLead(
        @Schema(description = "Lead id") @Description("Lead id")
        UUID leadId,

        @Schema(description = "Where the lead came from") @Description("Where the lead came from")
        String source,

        @Schema(description = "Campaign") @Description("Campaign")
        String campaign,

        @Schema(description = "Owner") @Description("Owner") String ownerId,

        @Schema(description = "When it was captured") @Description("When it was captured")
        OffsetDateTime createdAt,

        @Schema(description = "When it was converted") @Description("When it was converted")
        OffsetDateTime convertedAt) {}
