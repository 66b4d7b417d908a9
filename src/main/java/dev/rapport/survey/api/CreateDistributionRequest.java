package dev.rapport.survey.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.rapport.platform.time.Plausible;

@Input("SurveyDistributionInput")
@Description("Whom to ask, where in the journey and through which channel")
@Schema(
        name = "CreateSurveyDistribution",
        description = "Whom to ask: customers (1 to 1,000), each getting a single-use link unless the fatigue, "
                + "ticket or consent rules suppress it, or anonymous: one link that takes many answers")
public record CreateDistributionRequest(
        @Schema(description = "The customers to ask (1 to 1,000); omit with anonymous")
        @Description("The customers to ask (1 to 1,000); omit with anonymous")
        @Size(max = SurveyLimits.MAX_RECIPIENTS)
        List<UUID> customerIds,

        @Schema(description = "One anonymous link for many answers (web_link or kiosk); false when omitted")
        @Description("One anonymous link for many answers (web_link or kiosk)")
        Boolean anonymous,

        @Schema(description = "email, sms, push, in_app, web_link or kiosk", required = true, examples = "email")
        @Description("email, sms, push, in_app, web_link or kiosk")
        @NotNull
        @Pattern(regexp = SurveyLimits.CHANNEL, message = "must be one of email, sms, push, in_app, web_link, kiosk")
        String channel,

        @Schema(
                description = "Touchpoint or lifecycle milestone: onboarding, purchase, ticket_solved, renewal, "
                        + "support_chat, or your own (lower-case letters, digits and _)",
                required = true,
                examples = "purchase")
        @Description("Touchpoint or lifecycle milestone: onboarding, purchase, ticket_solved, renewal, support_chat, …")
        @NotNull
        @Pattern(regexp = SurveyLimits.TOUCHPOINT, message = "must be 1 to 60 lower-case letters, digits or _")
        String touchpoint,

        @Schema(description = "The locale to ask in; each customer's own (else the survey's default) when omitted")
        @Description("The locale to ask in; each customer's own (else the survey's default) when omitted")
        @Pattern(regexp = SurveyLimits.LOCALE, message = "must be a language tag such as en or de-AT")
        String locale,

        @Schema(description = "When the links stop answering; rapport.surveys.expiry after now when omitted")
        @Description("When the links stop answering; rapport.surveys.expiry after now when omitted")
        @Plausible(ahead = "P366D")
        OffsetDateTime expiresAt) {}
