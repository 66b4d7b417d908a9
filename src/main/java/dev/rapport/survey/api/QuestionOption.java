package dev.rapport.survey.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("QuestionOption")
@Description("One choice of a choice question")
@Schema(name = "QuestionOption", description = "One choice of a choice question")
public record QuestionOption(
        @Schema(description = "What an answer names, unique in the question", required = true, examples = "delivery")
        @Description("What an answer names, unique in the question")
        @NotNull
        @Pattern(regexp = SurveyLimits.OPTION_VALUE, message = "must be 1 to 60 lower-case letters, digits, _ or -")
        String value,

        @Schema(description = "Its label per locale; the survey's default locale is required", required = true)
        @Description("Its label per locale; the survey's default locale is required")
        @NotNull
        @Size(min = 1, max = 30)
        List<@Valid @NotNull LocalizedText> texts) {}
