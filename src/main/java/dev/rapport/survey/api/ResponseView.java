package dev.rapport.survey.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SurveyResponse")
@Description("A respondent's answers")
@Schema(name = "SurveyResponse", description = "A respondent's answers, with where and how they were asked")
public record ResponseView(
        @Schema(description = "Id") @Id UUID id,
        @Schema(description = "The survey") UUID surveyId,

        @Schema(description = "The revision of the questions answered") @Description("The revision answered")
        int revision,

        @Schema(description = "The distribution answered") UUID distributionId,

        @Schema(description = "The customer; null for an anonymous link")
        UUID customerId,

        @Schema(description = "Touchpoint") String touchpoint,
        @Schema(description = "Channel") String channel,
        @Schema(description = "Locale") String locale,

        @Schema(description = "partial or completed") @Description("partial or completed")
        String status,

        @Schema(description = "The answers") List<Answer> answers,

        @Schema(description = "The first nps question's score")
        Integer nps,

        @Schema(description = "promoter (9-10), passive (7-8) or detractor (0-6)")
        @Description("promoter (9-10), passive (7-8) or detractor (0-6)")
        String category,

        @Schema(description = "The first csat question's score")
        Integer csat,

        @Schema(description = "The first ces question's score")
        Integer ces,

        @Schema(description = "Tickets its follow-up rules opened") @Description("Tickets its follow-up rules opened")
        List<UUID> followUpTicketIds,

        @Schema(description = "When the first answers were saved")
        OffsetDateTime startedAt,

        @Schema(description = "When it was completed") OffsetDateTime submittedAt) {}
