package dev.rapport.survey.api;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("ShowIf")
@Description(
        "Shows a question only for some answers of an earlier one: a score within min..max, or a choice among anyOf")
@Schema(
        name = "ShowIf",
        description = "Shows a question only for some answers of an earlier one: a score question's answer within "
                + "min..max (either may be omitted), or a choice question's answer among anyOf")
public record ShowIf(
        @Schema(description = "The id of an earlier question", required = true, examples = "score")
        @Description("The id of an earlier question")
        @NotNull
        @Pattern(regexp = SurveyLimits.QUESTION_ID, message = "must be a question id")
        String question,

        @Schema(description = "Lowest score that shows it", examples = "0") @Description("Lowest score that shows it")
        Integer min,

        @Schema(description = "Highest score that shows it", examples = "6") @Description("Highest score that shows it")
        Integer max,

        @Schema(description = "Choices that show it") @Description("Choices that show it") @Size(max = 30)
        List<@Pattern(regexp = SurveyLimits.OPTION_VALUE, message = "must be an option value") String> anyOf) {}
