package dev.rapport.survey;

import static dev.rapport.survey.SurveyFixtures.aCsatSurvey;
import static dev.rapport.survey.SurveyFixtures.aCustomerWithEmailConsent;
import static dev.rapport.survey.SurveyFixtures.anNpsSurvey;
import static dev.rapport.survey.SurveyFixtures.answer;
import static dev.rapport.survey.SurveyFixtures.distribute;
import static dev.rapport.survey.SurveyFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Concurrently;
import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The rules hold under concurrency: one ask per customer within the fatigue window, one answer per link. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class SurveyConcurrencyTest {

    @Inject
    Database database;

    @Test
    void surveysSentToTheSameCustomersAtOnceAskEachOfThemOnce() {
        List<String> customers = Concurrently.run(10, i -> aCustomerWithEmailConsent("en"));
        List<String> surveys = List.of(
                anNpsSurvey().create(), aCsatSurvey().create(), aCsatSurvey().create());
        List<Integer> sent = Concurrently.run(12, i -> {
            List<String> shuffled = new java.util.ArrayList<>(customers);
            Collections.shuffle(shuffled);
            return distribute(
                            surveys.get(i % surveys.size()),
                            Map.of("customerIds", shuffled, "channel", "email", "touchpoint", "renewal"))
                    .statusCode(201)
                    .extract()
                    .<Integer>path("sent");
        });
        assertThat(sent.stream().mapToInt(Integer::intValue).sum()).isEqualTo(customers.size());
        for (String customer : customers) {
            assertThat(database.count(
                            "select count(*) from survey_distribution where customer_id = cast(? as uuid)"
                                    + " and status = 'sent'",
                            customer))
                    .as("links sent to " + customer)
                    .isEqualTo(1);
        }
    }

    @Test
    void aLinkAnsweredManyTimesAtOnceTakesOneAnswer() {
        String survey = aCsatSurvey().create();
        String token = SurveyFixtures.tokenFor(survey, aCustomerWithEmailConsent("en"));
        List<Integer> statuses = Concurrently.run(
                16,
                i -> answer(token, List.of(score("sat", 1 + i % 5)), null)
                        .extract()
                        .statusCode());
        assertThat(statuses)
                .containsOnly(200, 409)
                .filteredOn(status -> status == 200)
                .hasSize(1);
        assertThat(database.count("select count(*) from survey_response where survey_id = cast(? as uuid)", survey))
                .isEqualTo(1);
    }
}
