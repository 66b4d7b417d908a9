package dev.rapport.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.rapport.platform.action.ActionCall;
import dev.rapport.platform.action.ActionSettings;
import dev.rapport.platform.action.ActionSource;
import dev.rapport.platform.action.ActionType;
import dev.rapport.platform.error.Problem.FieldError;
import dev.rapport.platform.security.Caller;
import dev.rapport.platform.time.Clocks;
import dev.rapport.survey.api.CreateDistributionRequest;
import dev.rapport.survey.api.SurveyLimits;
import io.smallrye.mutiny.Uni;

/**
 * What a trigger can do with surveys: send one to the customer it fired for, at a touchpoint and on a channel,
 * through {@link SurveyDistributionService}, so the fatigue, ticket and consent rules decide as for any
 * distribution (a suppressed ask is recorded, with why, and the action still succeeds).
 */
@ApplicationScoped
class SurveyActions implements ActionSource {

    private static final Pattern CHANNEL = Pattern.compile(SurveyLimits.CHANNEL);
    private static final Pattern TOUCHPOINT = Pattern.compile(SurveyLimits.TOUCHPOINT);
    private static final Set<String> SETTINGS = Set.of("surveyId", "channel", "touchpoint", "expiresIn");
    private static final Duration LONGEST = Duration.ofDays(366);

    private final SurveyDistributionService distributions;
    private final SurveyRepository surveys;
    private final Clock clock;

    SurveyActions(SurveyDistributionService distributions, SurveyRepository surveys, Clock clock) {
        this.distributions = distributions;
        this.surveys = surveys;
        this.clock = clock;
    }

    @Override
    public List<ActionType> actions() {
        return List.of(new SendSurvey());
    }

    private final class SendSurvey implements ActionType {

        @Override
        public String name() {
            return "sendSurvey";
        }

        @Override
        public String description() {
            return "Sends a survey to the customer: a single-use link in survey.distribution_created for the "
                    + "messaging system, unless the fatigue, ticket or consent rules suppress it. Settings: surveyId, "
                    + "channel (email, sms, push, in_app, web_link, kiosk), touchpoint, and optionally expiresIn (an "
                    + "ISO-8601 duration up to P366D).";
        }

        @Override
        public Uni<List<FieldError>> check(JsonNode settings, String partnerId) {
            ActionSettings read = ActionSettings.of(settings);
            UUID surveyId = read.id("surveyId");
            read.text("channel", CHANNEL, "one of email, sms, push, in_app, web_link, kiosk");
            read.text("touchpoint", TOUCHPOINT, "1 to 60 lower-case letters, digits or _");
            if (read.has("expiresIn")) {
                Duration expiresIn = duration(read.get("expiresIn"));
                if (expiresIn == null
                        || expiresIn.isNegative()
                        || expiresIn.isZero()
                        || expiresIn.compareTo(LONGEST) > 0) {
                    read.error("expiresIn", "must be an ISO-8601 duration such as P14D, up to P366D");
                }
            }
            if (surveyId == null) {
                return Uni.createFrom().item(read.errors(SETTINGS));
            }
            return surveys.findById(surveyId).map(survey -> {
                if (survey == null || !Caller.mayAccess(partnerId, survey.partnerId)) {
                    read.error("surveyId", "no such survey");
                }
                return read.errors(SETTINGS);
            });
        }

        @Override
        public Uni<String> preview(ActionCall call) {
            call.requireCustomer();
            return Uni.createFrom()
                    .item("would send survey " + call.settings().get("surveyId").asText() + " by "
                            + call.settings().get("channel").asText());
        }

        @Override
        public Uni<String> run(ActionCall call) {
            UUID customerId = call.requireCustomer();
            JsonNode settings = call.settings();
            Duration expiresIn = settings.hasNonNull("expiresIn") ? duration(settings.get("expiresIn")) : null;
            CreateDistributionRequest request = new CreateDistributionRequest(
                    List.of(customerId),
                    false,
                    settings.get("channel").textValue(),
                    settings.get("touchpoint").textValue(),
                    null,
                    expiresIn == null ? null : Clocks.now(clock).plus(expiresIn));
            UUID surveyId = UUID.fromString(settings.get("surveyId").textValue());
            return distributions
                    .distributeFor(surveyId, request, call.partnerId())
                    .map(result -> {
                        var ask = result.distributions().get(0);
                        return ask.suppressedReason() == null
                                ? "sent survey " + surveyId + " by " + ask.channel()
                                : "survey " + surveyId + " suppressed: " + ask.suppressedDetail();
                    });
        }
    }

    private static Duration duration(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Duration.parse(value.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
