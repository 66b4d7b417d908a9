package dev.rapport.survey.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SurveyFormOption", description = "A choice to show")
public record FormOption(
        @Schema(description = "What the answer names") String value,
        @Schema(description = "Label") String text) {}
