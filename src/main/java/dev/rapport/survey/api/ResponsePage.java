package dev.rapport.survey.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyResponsePage", description = "A page of survey responses")
public record ResponsePage(
        @Schema(required = true) List<ResponseView> data,
        @Schema(description = "Cursor of the next page") String nextCursor,
        @Schema(required = true) boolean hasMore) {}
