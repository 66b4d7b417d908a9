package dev.rapport.survey.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SurveyAnswer")
@Description("The answer to one question: value for scores, choices for choice questions, text for text")
@Schema(
        name = "SurveyAnswer",
        description = "The answer to one question: `value` for nps, csat, ces and rating, `choices` for "
                + "single_choice (one) and multiple_choice, `text` for text")
public record Answer(
        @Schema(description = "The question's id", required = true, examples = "score")
        @Description("The question's id")
        @NotNull
        @Size(max = 40)
        String question,

        @Schema(description = "A score", examples = "9") @Description("A score")
        Integer value,

        @Schema(description = "The options chosen") @Description("The options chosen") @Size(max = 30)
        List<@Size(max = 60) String> choices,

        @Schema(description = "A text answer (up to 5,000 characters)")
        @Description("A text answer (up to 5,000 characters)")
        @Size(max = 5000)
        String text) {}
