package dev.rapport.survey;

import java.time.Duration;
import java.time.OffsetDateTime;

import dev.rapport.customer.api.CustomerReach;

/**
 * Whether a customer may be asked now, and if not why: consent for the channel and a contact on it, the survey's
 * own rule (once per N days), the global rule across all surveys and channels, and an open ticket when the survey
 * asks for none then. The first rule that refuses is the reason.
 */
final class SurveyFatigue {

    static final String NO_CONSENT = "no_consent";
    static final String NO_CONTACT = "no_contact";
    static final String SURVEY_RECENTLY_SENT = "survey_recently_sent";
    static final String RECENTLY_SURVEYED = "recently_surveyed";
    static final String OPEN_TICKET = "open_ticket";

    private SurveyFatigue() {}

    /** When the customer was last asked (delivered links only), by any survey and by this one; null for never. */
    record History(OffsetDateTime lastSurveyed, OffsetDateTime lastOfThisSurvey, boolean openTicket) {}

    /** A refusal: its code and the reason in words. */
    record Suppression(String reason, String detail) {}

    /** The rules of one survey: its own fatigue days (null: none), the global days (0: none), tickets. */
    record Rules(Integer surveyDays, int globalDays, boolean skipWhenTicketOpen) {}

    /** Why {@code customer} may not be asked on {@code channel} now, or null when they may. */
    static Suppression decide(
            String channel, CustomerReach customer, History history, Rules rules, OffsetDateTime now) {
        switch (channel) {
            case "email" -> {
                if (!Boolean.TRUE.equals(customer.emailConsent())) {
                    return new Suppression(NO_CONSENT, "the customer has not agreed to email");
                }
                if (customer.email() == null) {
                    return new Suppression(NO_CONTACT, "the customer has no email address");
                }
            }
            case "sms" -> {
                if (!Boolean.TRUE.equals(customer.smsConsent())) {
                    return new Suppression(NO_CONSENT, "the customer has not agreed to SMS");
                }
                if (customer.phone() == null) {
                    return new Suppression(NO_CONTACT, "the customer has no phone number");
                }
            }
            case "push" -> {
                if (!Boolean.TRUE.equals(customer.pushConsent())) {
                    return new Suppression(NO_CONSENT, "the customer has not agreed to push notifications");
                }
            }
            default -> {
                // in_app, web_link and kiosk reach a customer who is already there: no marketing consent needed
            }
        }
        if (rules.surveyDays() != null && within(history.lastOfThisSurvey(), rules.surveyDays(), now)) {
            return new Suppression(
                    SURVEY_RECENTLY_SENT,
                    "asked this survey " + ago(history.lastOfThisSurvey(), now)
                            + "; this survey asks at most once every " + rules.surveyDays() + " days");
        }
        if (rules.globalDays() > 0 && within(history.lastSurveyed(), rules.globalDays(), now)) {
            return new Suppression(
                    RECENTLY_SURVEYED,
                    "surveyed " + ago(history.lastSurveyed(), now) + "; customers are surveyed at most once every "
                            + rules.globalDays() + " days");
        }
        if (rules.skipWhenTicketOpen() && history.openTicket()) {
            return new Suppression(
                    OPEN_TICKET, "the customer has an open ticket; this survey waits until it is solved");
        }
        return null;
    }

    private static boolean within(OffsetDateTime last, int days, OffsetDateTime now) {
        return last != null && last.isAfter(now.minusDays(days));
    }

    private static String ago(OffsetDateTime last, OffsetDateTime now) {
        Duration since = Duration.between(last, now);
        String when = since.toHours() < 1
                ? since.toMinutes() + " minutes ago"
                : since.toHours() < 24 ? since.toHours() + " hours ago" : since.toDays() + " days ago";
        return when + " (" + last.toLocalDate() + ")";
    }
}
