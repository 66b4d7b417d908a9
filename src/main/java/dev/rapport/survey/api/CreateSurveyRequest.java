package dev.rapport.survey.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Input("SurveyInput")
@Description("A survey to define")
@Schema(
        name = "CreateSurvey",
        description = "A survey. A PATCH (application/merge-patch+json) may change any field; changing the questions "
                + "of a survey that has responses to its current revision makes a new revision (the responses keep "
                + "theirs).")
public record CreateSurveyRequest(
        @Schema(description = "Name", required = true, examples = "Delivery NPS")
        @Description("Name")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "draft, active or closed; draft when omitted", examples = "active")
        @Description("draft, active or closed; draft when omitted")
        @Pattern(regexp = SurveyLimits.STATUS, message = "must be draft, active or closed")
        String status,

        @Schema(
                description = "The locale every text must have, and the fallback of the others; en when omitted",
                examples = "en")
        @Description("The locale every text must have, and the fallback of the others; en when omitted")
        @Pattern(regexp = SurveyLimits.LOCALE, message = "must be a language tag such as en or de-AT")
        String defaultLocale,

        @Schema(description = "The questions, in the order they are asked (1 to 50)", required = true)
        @Description("The questions, in the order they are asked (1 to 50)")
        @NotNull
        @Size(min = 1, max = 50)
        List<@Valid @NotNull SurveyQuestion> questions,

        @Schema(
                description = "At most one distribution of this survey per customer within this many days (the "
                        + "global rule, rapport.surveys.fatigue-days, applies across all surveys as well)",
                examples = "90")
        @Description("At most one distribution of this survey per customer within this many days")
        @Min(1)
        @Max(730)
        Integer fatigueDays,

        @Schema(description = "Ask no customer with an open ticket; false when omitted")
        @Description("Ask no customer with an open ticket")
        Boolean skipWhenTicketOpen,

        @Schema(description = "Follow-up rules, each tried on every completed answer (up to 10)")
        @Description("Follow-up rules, each tried on every completed answer (up to 10)")
        @Size(max = 10)
        List<@Valid SurveyFollowUp> followUps) {}
