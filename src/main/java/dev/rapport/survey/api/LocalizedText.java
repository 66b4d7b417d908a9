package dev.rapport.survey.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("LocalizedText")
@Description("A text in one locale")
@Schema(name = "LocalizedText", description = "A text in one locale")
public record LocalizedText(
        @Schema(description = "BCP 47 language tag", required = true, examples = "de-AT")
        @Description("BCP 47 language tag")
        @NotNull
        @Pattern(regexp = SurveyLimits.LOCALE, message = "must be a language tag such as en or de-AT")
        String locale,

        @Schema(description = "The text", required = true, examples = "How likely are you to recommend us?")
        @Description("The text")
        @NotBlank
        @Size(max = 1000)
        String text) {}
