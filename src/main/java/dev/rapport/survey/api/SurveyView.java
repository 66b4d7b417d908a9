package dev.rapport.survey.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("Survey")
@Description("A survey")
@Schema(name = "Survey", description = "A survey: its questions (current revision), fatigue rules and follow-ups")
public record SurveyView(
        @Schema(description = "Id") @Id UUID id,
        @Schema(description = "Name") String name,

        @Schema(description = "draft, active or closed") @Description("draft, active or closed")
        String status,

        @Schema(description = "The revision of the questions distributions are answered with; each response keeps its")
        @Description("The revision of the questions distributions are answered with; each response keeps its")
        int revision,

        @Schema(description = "The fallback locale") @Description("The fallback locale")
        String defaultLocale,

        @Schema(description = "The questions of the current revision")
        List<SurveyQuestion> questions,

        @Schema(description = "At most one distribution of this survey per customer within this many days")
        @Description("At most one distribution of this survey per customer within this many days")
        Integer fatigueDays,

        @Schema(description = "Whether customers with an open ticket are not asked")
        @Description("Whether customers with an open ticket are not asked")
        boolean skipWhenTicketOpen,

        @Schema(description = "Follow-up rules") List<SurveyFollowUp> followUps,

        @Schema(description = "The partner that defined it; null for in-house surveys")
        @Description("The partner that defined it; null for in-house surveys")
        String partnerId,

        @Schema(description = "Created") OffsetDateTime createdAt,
        @Schema(description = "Last changed") OffsetDateTime updatedAt,
        @Schema(description = "When it was closed") OffsetDateTime closedAt,

        @Schema(description = "Version for If-Match (the ETag)") @Description("Version for If-Match (the ETag)")
        long version) {}
