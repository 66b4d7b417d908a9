package dev.rapport.survey.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyPage", description = "A page of surveys")
public record SurveyPage(
        @Schema(required = true) List<SurveyView> data,
        @Schema(description = "Cursor of the next page") String nextCursor,
        @Schema(required = true) boolean hasMore) {}
