package dev.rapport.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.api.CustomerReach;

/** The order of the rules that keep a customer from being asked, and the reasons they give. */
class SurveyFatigueTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T10:00:00Z");
    private static final SurveyFatigue.Rules RULES = new SurveyFatigue.Rules(30, 7, true);
    private static final SurveyFatigue.History NEVER = new SurveyFatigue.History(null, null, false);

    @Test
    void consentAndContactComeFirst() {
        CustomerReach none = reach(null, null, null, null, null);
        assertThat(SurveyFatigue.decide("email", none, NEVER, RULES, NOW).reason())
                .isEqualTo("no_consent");
        assertThat(SurveyFatigue.decide("sms", reach(null, null, false, true, null), NEVER, RULES, NOW)
                        .reason())
                .isEqualTo("no_contact");
        assertThat(SurveyFatigue.decide("push", none, NEVER, RULES, NOW).reason())
                .isEqualTo("no_consent");
        assertThat(SurveyFatigue.decide("in_app", none, NEVER, RULES, NOW)).isNull();
        assertThat(SurveyFatigue.decide("kiosk", none, NEVER, RULES, NOW)).isNull();
    }

    @Test
    void theSurveysOwnRuleThenTheGlobalOneThenOpenTickets() {
        CustomerReach customer = reach("ada@example.com", null, true, null, null);
        var thisSurvey = new SurveyFatigue.History(NOW.minusDays(20), NOW.minusDays(20), true);
        assertThat(SurveyFatigue.decide("email", customer, thisSurvey, RULES, NOW)
                        .reason())
                .isEqualTo("survey_recently_sent");
        var another = new SurveyFatigue.History(NOW.minusDays(6), null, true);
        SurveyFatigue.Suppression recent = SurveyFatigue.decide("email", customer, another, RULES, NOW);
        assertThat(recent.reason()).isEqualTo("recently_surveyed");
        assertThat(recent.detail())
                .isEqualTo("surveyed 6 days ago (2026-11-26); customers are surveyed at most once every 7 days");
        var longAgo = new SurveyFatigue.History(NOW.minusDays(8), NOW.minusDays(31), true);
        assertThat(SurveyFatigue.decide("email", customer, longAgo, RULES, NOW).reason())
                .isEqualTo("open_ticket");
        var noTicket = new SurveyFatigue.History(NOW.minusDays(8), NOW.minusDays(31), false);
        assertThat(SurveyFatigue.decide("email", customer, noTicket, RULES, NOW))
                .isNull();
        assertThat(SurveyFatigue.decide("email", customer, another, new SurveyFatigue.Rules(null, 0, false), NOW))
                .isNull();
    }

    private static CustomerReach reach(String email, String phone, Boolean emailConsent, Boolean sms, Boolean push) {
        return new CustomerReach(UUID.randomUUID(), null, email, phone, "en", emailConsent, sms, push);
    }
}
