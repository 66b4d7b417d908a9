package dev.rapport.survey.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        name = "SubmitSurveyAnswers",
        description = "The answers so far (each save replaces the ones before). complete=false saves them to finish "
                + "later; complete (the default) submits them, after which the link takes no more.")
public record SubmitAnswersRequest(
        @Schema(description = "One answer per question answered", required = true) @NotNull @Size(max = 50)
        List<@Valid @NotNull Answer> answers,

        @Schema(description = "false to save and finish later; true when omitted")
        Boolean complete) {}
