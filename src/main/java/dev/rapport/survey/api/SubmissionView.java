package dev.rapport.survey.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveySubmission", description = "What became of the answers")
public record SubmissionView(
        @Schema(description = "partial (saved) or completed")
        String status,

        @Schema(description = "When they were saved or submitted")
        OffsetDateTime at) {}
