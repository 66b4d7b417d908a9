package dev.rapport.survey.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SurveyFormQuestion", description = "A question to show, in the form's locale")
public record FormQuestion(
        @Schema(description = "Id the answer names") String id,

        @Schema(description = "nps, csat, ces, rating, single_choice, multiple_choice or text")
        String type,

        @Schema(description = "Whether a complete answer must answer it when it is shown")
        boolean required,

        @Schema(description = "The question") String text,

        @Schema(description = "Lowest score (score questions)")
        Integer min,

        @Schema(description = "Highest score (score questions)")
        Integer max,

        @Schema(description = "The choices (choice questions)")
        List<FormOption> options,

        @Schema(description = "Show it only for some answers of an earlier question")
        ShowIf showIf) {}
