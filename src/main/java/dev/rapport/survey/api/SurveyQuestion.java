package dev.rapport.survey.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SurveyQuestion")
@Description("A question of a survey")
@Schema(
        name = "SurveyQuestion",
        description = "A question: nps (0-10), csat (1-5), ces (1-7), rating (min..max you set, at most 11 points), "
                + "single_choice, multiple_choice (options) or text")
public record SurveyQuestion(
        @Schema(description = "Id answers name, unique in the survey", required = true, examples = "score")
        @Description("Id answers name, unique in the survey")
        @NotNull
        @Pattern(regexp = SurveyLimits.QUESTION_ID, message = "must be 1 to 40 lower-case letters, digits or _")
        String id,

        @Schema(
                description = "nps, csat, ces, rating, single_choice, multiple_choice or text",
                required = true,
                examples = "nps")
        @Description("nps, csat, ces, rating, single_choice, multiple_choice or text")
        @NotNull
        @Pattern(regexp = SurveyLimits.QUESTION_TYPE, message = "must be one of " + SurveyLimits.QUESTION_TYPE)
        String type,

        @Schema(description = "Whether a complete answer must answer it (when it is shown); false when omitted")
        @Description("Whether a complete answer must answer it (when it is shown)")
        Boolean required,

        @Schema(description = "The question per locale; the survey's default locale is required", required = true)
        @Description("The question per locale; the survey's default locale is required")
        @NotNull
        @Size(min = 1, max = 30)
        List<@Valid @NotNull LocalizedText> texts,

        @Schema(description = "rating: the lowest score", examples = "1") @Description("rating: the lowest score")
        Integer min,

        @Schema(description = "rating: the highest score", examples = "5") @Description("rating: the highest score")
        Integer max,

        @Schema(description = "single_choice and multiple_choice: the choices (2 to 30)")
        @Description("single_choice and multiple_choice: the choices (2 to 30)")
        @Size(max = 30)
        List<@Valid QuestionOption> options,

        @Schema(description = "Show it only for some answers of an earlier question")
        @Description("Show it only for some answers of an earlier question")
        @Valid
        ShowIf showIf) {}
