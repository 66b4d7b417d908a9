package dev.rapport.survey.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("CustomerSurveys")
@Description("What the customer told the surveys")
@Schema(name = "CustomerSurveys", description = "What the customer told the surveys: latest scores and how often")
public record CustomerSurveys(
        @Schema(description = "The latest NPS score") Integer latestNps,

        @Schema(description = "Its category: promoter, passive or detractor")
        String latestNpsCategory,

        @Schema(description = "When it was given") OffsetDateTime latestNpsAt,
        @Schema(description = "The latest CSAT score") Integer latestCsat,
        @Schema(description = "The latest CES score") Integer latestCes,
        @Schema(description = "Completed responses") long responses,

        @Schema(description = "When the customer last answered")
        OffsetDateTime lastAnsweredAt) {}
