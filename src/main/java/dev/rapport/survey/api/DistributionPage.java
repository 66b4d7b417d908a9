package dev.rapport.survey.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyDistributionPage", description = "A page of a survey's distributions")
public record DistributionPage(
        @Schema(required = true) List<DistributionView> data,
        @Schema(description = "Cursor of the next page") String nextCursor,
        @Schema(required = true) boolean hasMore) {}
