package dev.rapport.survey.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Type("SurveyFollowUp")
@Description("What to do about an answer: a condition on it and the ticket to open")
@Schema(
        name = "SurveyFollowUp",
        description = "A follow-up rule: when a completed answer matches `when` (RSQL over nps, csat, ces, category "
                + "(promoter, passive, detractor), touchpoint and channel, such as `nps=le=6` or `csat=le=2`), a "
                + "ticket is opened for the customer, quoting the answer in its first internal note, held to the "
                + "ticket SLA, and linked with the response both ways")
public record SurveyFollowUp(
        @Schema(description = "RSQL over the answer", required = true, examples = "nps=le=6")
        @Description("RSQL over the answer")
        @NotBlank
        @Size(max = 500)
        String when,

        @Schema(description = "The ticket to open", required = true) @Description("The ticket to open") @NotNull @Valid
        FollowUpTicket ticket) {}
