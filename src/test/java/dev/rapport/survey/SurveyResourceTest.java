package dev.rapport.survey;

import static dev.rapport.survey.SurveyFixtures.aCsatSurvey;
import static dev.rapport.survey.SurveyFixtures.aCustomerWithEmailConsent;
import static dev.rapport.survey.SurveyFixtures.anNpsSurvey;
import static dev.rapport.survey.SurveyFixtures.answer;
import static dev.rapport.survey.SurveyFixtures.distribute;
import static dev.rapport.survey.SurveyFixtures.form;
import static dev.rapport.survey.SurveyFixtures.said;
import static dev.rapport.survey.SurveyFixtures.score;
import static dev.rapport.survey.SurveyFixtures.tokenFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerFixtures;
import dev.rapport.platform.Database;
import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.ticket.TicketFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class SurveyResourceTest {

    @Inject
    Database database;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSurveySentAtATouchpointIsAnsweredOnceAndADetractorGetsAFollowUpTicket() {
        String team = "care-" + CustomerFixtures.uniqueTag();
        String policy = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Detractors " + team,
                        "condition",
                        "team==" + team,
                        "targets",
                        List.of(Map.of("priority", "high", "firstResponse", "PT4H", "resolution", "P1D"))))
                .post("/v1/sla-policies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String survey = anNpsSurvey()
                .with(
                        "followUps",
                        List.of(Map.of(
                                "when",
                                "nps=le=6",
                                "ticket",
                                Map.of("subject", "Detractor: call back", "priority", "high", "team", team))))
                .create();
        String customer = aCustomerWithEmailConsent("de-AT");

        JsonPath sent = distribute(
                        survey, Map.of("customerIds", List.of(customer), "channel", "email", "touchpoint", "purchase"))
                .statusCode(201)
                .body("sent", equalTo(1))
                .body("suppressed", equalTo(0))
                .body("distributions[0].status", equalTo("sent"))
                .body("distributions[0].touchpoint", equalTo("purchase"))
                .body("distributions[0].locale", equalTo("de"))
                .body("distributions[0].link", startsWith("https://surveys.example.com/s/"))
                .extract()
                .jsonPath();
        String token = sent.getString("distributions[0].token");
        assertThat(sent.getString("distributions[0].link")).endsWith(token);
        String distribution = sent.getString("distributions[0].id");
        assertThat(database.string(
                        "select payload->>'link' || ' ' || (payload->>'email') from event"
                                + " where type = 'survey.distribution_created' and subject_id = cast(? as uuid)",
                        distribution))
                .isEqualTo(sent.getString("distributions[0].link") + " "
                        + given().get("/v1/customers/" + customer)
                                .then()
                                .extract()
                                .path("emails[0].address"));
        assertThat(database.count(
                        "select count(*) from survey_distribution where id = cast(? as uuid) and token_hash is not null"
                                + " and position(convert_to(?, 'UTF8') in token_hash) = 0",
                        distribution,
                        token))
                .as("only the token's hash is stored")
                .isEqualTo(1);

        form(token)
                .statusCode(200)
                .body("locale", equalTo("de"))
                .body("status", equalTo("open"))
                .body("questions[0].text", equalTo("Wie wahrscheinlich empfehlen Sie uns?"))
                .body("questions[0].min", equalTo(0))
                .body("questions[0].max", equalTo(10))
                .body("questions[2].text", equalTo("What was it about?"))
                .body("questions[1].showIf.max", equalTo(6))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("customerId")));

        answer(token, List.of(score("score", 3)), false).statusCode(200).body("status", equalTo("partial"));
        form(token).statusCode(200).body("status", equalTo("partial")).body("answers[0].value", equalTo(3));
        answer(token, List.of(score("score", 3), said("reason", "The parcel came a week late")), null)
                .statusCode(200)
                .body("status", equalTo("completed"));
        answer(token, List.of(score("score", 10)), null)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("conflict"));

        JsonPath response = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> given().get("/v1/surveys/" + survey + "/responses")
                                .then()
                                .extract()
                                .jsonPath(),
                        page -> page.getList("data[0].followUpTicketIds").size() == 1);
        assertThat(response.getString("data[0].category")).isEqualTo("detractor");
        assertThat(response.getInt("data[0].nps")).isEqualTo(3);
        assertThat(response.getString("data[0].touchpoint")).isEqualTo("purchase");
        assertThat(response.getInt("data[0].revision")).isEqualTo(1);
        String ticket = response.getString("data[0].followUpTicketIds[0]");
        given().get("/v1/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("customerId", equalTo(customer))
                .body("priority", equalTo("high"))
                .body("team", equalTo(team))
                .body("attributes.surveyResponseId", equalTo(response.getString("data[0].id")))
                .body("slaPolicyId", equalTo(policy))
                .body("slaDueAt", notNullValue());
        TicketFixtures.silenceClocks(database);
        given().get("/v1/surveys/" + survey + "/responses/" + response.getString("data[0].id"))
                .then()
                .statusCode(200)
                .body("followUpTicketIds", contains(ticket))
                .body("answers[1].text", equalTo("The parcel came a week late"));
        given().get("/v1/surveys/" + anNpsSurvey().create() + "/responses/" + response.getString("data[0].id"))
                .then()
                .statusCode(404);
        given().get("/v1/tickets/" + ticket + "/messages")
                .then()
                .statusCode(200)
                .body("data[0].visibility", equalTo("internal"))
                .body("data[0].bodyText", containsString("> How likely are you to recommend us? 3"))
                .body("data[0].bodyText", containsString("\"The parcel came a week late\""));

        given().queryParam("expand", "surveys")
                .get("/v1/customers/" + customer)
                .then()
                .statusCode(200)
                .body("surveys.latestNps", equalTo(3))
                .body("surveys.latestNpsCategory", equalTo("detractor"))
                .body("surveys.responses", equalTo(1));
        given().get("/v1/customers/" + customer + "/interactions")
                .then()
                .statusCode(200)
                .body("data.type", hasItem("survey"))
                .body("data.summary", hasItem(containsString("NPS 3 (detractor)")));
        String address =
                given().get("/v1/customers/" + customer).then().extract().path("emails[0].address");
        given().queryParam("filter", "latestNps=le=6;latestNpsCategory==detractor;surveyResponses==1;email==" + address)
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data.id", contains(customer));
        assertThat(database.string(
                        "select payload->>'category' from event where type = 'survey.response_received'"
                                + " and subject_id = cast(? as uuid)",
                        response.getString("data[0].id")))
                .isEqualTo("detractor");
    }

    @Test
    void aCustomerSurveyedLastWeekIsNotAskedAgainAndTheAnswerSaysWhy() {
        String first = anNpsSurvey().create();
        String second = aCsatSurvey().create();
        String customer = aCustomerWithEmailConsent("en");
        tokenFor(first, customer);
        clock.advance(Duration.ofDays(5));

        JsonPath suppressed = distribute(
                        second,
                        Map.of("customerIds", List.of(customer), "channel", "email", "touchpoint", "ticket_solved"))
                .statusCode(201)
                .body("sent", equalTo(0))
                .body("suppressed", equalTo(1))
                .body("distributions[0].status", equalTo("suppressed"))
                .body("distributions[0].suppressedReason", equalTo("recently_surveyed"))
                .body("distributions[0].suppressedDetail", containsString("surveyed 5 days ago"))
                .body("distributions[0].token", nullValue())
                .body("distributions[0].link", nullValue())
                .extract()
                .jsonPath();
        assertThat(database.string(
                        "select payload->>'reason' from event where type = 'survey.distribution_suppressed'"
                                + " and subject_id = cast(? as uuid)",
                        suppressed.getString("distributions[0].id")))
                .isEqualTo("recently_surveyed");
        given().queryParam("status", "lost")
                .get("/v1/surveys/" + second + "/distributions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().queryParam("status", "suppressed")
                .get("/v1/surveys/" + second + "/distributions")
                .then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].suppressedReason", equalTo("recently_surveyed"));

        clock.advance(Duration.ofDays(3));
        tokenFor(second, customer);
    }

    @Test
    void consentContactTheSurveysOwnRuleAndOpenTicketsSuppressAsks() {
        String survey = anNpsSurvey()
                .with("fatigueDays", 90)
                .with("skipWhenTicketOpen", true)
                .create();
        String noConsent = CustomerFixtures.aCustomer().create();
        String smsWithoutPhone = CustomerFixtures.aCustomer()
                .with("consents", Map.of("sms", Map.of("granted", true)))
                .create();
        String withTicket = aCustomerWithEmailConsent("en");
        TicketFixtures.aTicketFor(withTicket).post().statusCode(201);
        String asked = aCustomerWithEmailConsent("en");

        JsonPath email = distribute(
                        survey,
                        Map.of(
                                "customerIds",
                                List.of(noConsent, withTicket, asked, asked),
                                "channel",
                                "email",
                                "touchpoint",
                                "onboarding"))
                .statusCode(201)
                .body("sent", equalTo(1))
                .body("suppressed", equalTo(2))
                .extract()
                .jsonPath();
        assertThat(email.getList("distributions.suppressedReason")).containsExactly("no_consent", "open_ticket", null);
        distribute(
                        survey,
                        Map.of("customerIds", List.of(smsWithoutPhone), "channel", "sms", "touchpoint", "onboarding"))
                .statusCode(201)
                .body("distributions[0].suppressedReason", equalTo("no_contact"));
        distribute(survey, Map.of("customerIds", List.of(asked), "channel", "in_app", "touchpoint", "renewal"))
                .statusCode(201)
                .body("distributions[0].suppressedReason", equalTo("survey_recently_sent"))
                .body("distributions[0].suppressedDetail", containsString("at most once every 90 days"));
    }

    @Test
    void figuresAndTheirIntervalsEqualHandComputedOnes() {
        String nps = anNpsSurvey().create();
        int[] scores = {10, 10, 9, 8, 3, 10, 9};
        Integer[] ease = {2, 3, 7, null, null, null, null};
        for (int i = 0; i < scores.length; i++) {
            String token = tokenFor(nps, aCustomerWithEmailConsent("en"));
            List<Map<String, Object>> answers = ease[i] == null
                    ? List.of(score("score", scores[i]))
                    : List.of(score("score", scores[i]), score("ease", ease[i]));
            answer(token, answers, null).statusCode(200);
        }
        tokenFor(nps, aCustomerWithEmailConsent("en"));
        tokenFor(nps, aCustomerWithEmailConsent("en"));
        String csat = aCsatSurvey().create();
        for (int value : new int[] {5, 4, 4, 3, 1}) {
            answer(tokenFor(csat, aCustomerWithEmailConsent("en")), List.of(score("sat", value)), null)
                    .statusCode(200);
        }

        // the figures count an answer once it is followed up, right after it is submitted
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().queryParam("surveyId", csat)
                        .get("/v1/surveys/metrics")
                        .then()
                        .body("total.csatResponses", equalTo(5)));
        given().queryParam("surveyId", nps)
                .queryParam("interval", "month")
                .get("/v1/surveys/metrics")
                .then()
                .statusCode(200)
                .body("total.responses", equalTo(7))
                .body("total.delivered", equalTo(9))
                .body("total.responseRate", equalTo(77.8f))
                .body("total.promoters", equalTo(5))
                .body("total.passives", equalTo(1))
                .body("total.detractors", equalTo(1))
                // p = 5/7, d = 1/7: 100 (p - d) = 57.1, ± 1.96 · 100 · √((p + d − (p − d)²) / 7) = ± 53.9, cut at 100
                .body("total.nps", equalTo(57.1f))
                .body("total.npsLow", equalTo(3.2f))
                .body("total.npsHigh", equalTo(100.0f))
                .body("total.cesResponses", equalTo(3))
                .body("total.ces", equalTo(4.0f))
                .body("total.csat", nullValue());
        given().queryParam("surveyId", csat)
                .get("/v1/surveys/metrics")
                .then()
                .statusCode(200)
                .body("total.csatResponses", equalTo(5))
                .body("total.satisfied", equalTo(3))
                // Wilson, n = 5, p = 0.6, z = 1.96: (0.6 + 0.384 ± 0.576) / 1.768
                .body("total.csat", equalTo(60.0f))
                .body("total.csatLow", equalTo(23.1f))
                .body("total.csatHigh", equalTo(88.2f))
                .body("total.nps", nullValue());
        JsonPath byTouchpoint = given().queryParam("surveyId", nps)
                .queryParam("groupBy", "touchpoint")
                .queryParam("interval", "day")
                .get("/v1/surveys/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(byTouchpoint.getList("buckets.group")).containsOnly("purchase");
        assertThat(byTouchpoint.getList("buckets.figures.responses", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(7);
        given().queryParam("touchpoint", "Not One")
                .get("/v1/surveys/metrics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("touchpoint"));
        given().queryParam("groupBy", "everything")
                .get("/v1/surveys/metrics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void badAnswersAndTokensAreProblems() {
        String survey = anNpsSurvey().create();
        String token = tokenFor(survey, aCustomerWithEmailConsent("en"));

        answer(token, List.of(score("score", 11)), null)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("answers.score"))
                .body("errors[0].message", equalTo("must be from 0 to 10"));
        answer(token, List.of(said("score", "ten")), null)
                .statusCode(400)
                .body("errors[0].field", equalTo("answers.score"));
        answer(token, List.of(score("score", 9), said("reason", "why not")), null)
                .statusCode(400)
                .body("errors[0].field", equalTo("answers.reason"))
                .body("errors[0].message", containsString("is not asked"));
        answer(token, List.of(said("reason", "slow")), null)
                .statusCode(400)
                .body("errors.field", hasItem("answers.score"));
        answer(
                        token,
                        List.of(
                                score("score", 9),
                                Map.of("question", "topics", "choices", List.of("delivery", "mood"))),
                        null)
                .statusCode(400)
                .body("errors[0].field", equalTo("answers.topics"))
                .body("errors[0].message", equalTo("has no option mood"));
        answer(token, List.of(score("nothing", 1)), null)
                .statusCode(400)
                .body("errors[0].field", equalTo("answers[0].question"));
        answer(token, List.of(score("score", 9), score("ease", 0)), null)
                .statusCode(400)
                .body("errors[0].field", equalTo("answers.ease"));

        String unknown = "A".repeat(43);
        String body = form(unknown)
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        form("not-a-token").statusCode(404).body("detail", equalTo("No survey answers to this link"));
        answer(unknown, List.of(score("score", 9)), null).statusCode(404);

        clock.advance(Duration.ofDays(31));
        String expired = form(token).statusCode(404).extract().asString();
        assertThat(strip(expired)).isEqualTo(strip(body));
        answer(token, List.of(score("score", 9)), null).statusCode(404);
    }

    @Test
    void anAnonymousLinkTakesManyCompleteAnswersAndAClosedSurveyNone() {
        String survey = aCsatSurvey().create();
        String token = distribute(survey, Map.of("anonymous", true, "channel", "kiosk", "touchpoint", "store_visit"))
                .statusCode(201)
                .body("distributions[0].customerId", nullValue())
                .extract()
                .path("distributions[0].token");
        for (int value : new int[] {5, 2, 4}) {
            answer(token, List.of(score("sat", value)), null).statusCode(200);
        }
        answer(token, List.of(score("sat", 5)), false).statusCode(400).body("errors[0].field", equalTo("complete"));
        given().get("/v1/surveys/" + survey + "/responses")
                .then()
                .statusCode(200)
                .body("data", hasSize(3))
                .body("data.customerId", org.hamcrest.Matchers.everyItem(nullValue()));
        distribute(survey, Map.of("anonymous", true, "channel", "email", "touchpoint", "store_visit"))
                .statusCode(400)
                .body("errors[0].field", equalTo("channel"));

        String etag = given().get("/v1/surveys/" + survey).then().extract().header("ETag");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("status", "closed"))
                .patch("/v1/surveys/" + survey)
                .then()
                .statusCode(200)
                .body("status", equalTo("closed"))
                .body("closedAt", notNullValue());
        form(token).statusCode(404);
        distribute(survey, Map.of("anonymous", true, "channel", "kiosk", "touchpoint", "store_visit"))
                .statusCode(409);
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("name", "stale"))
                .patch("/v1/surveys/" + survey)
                .then()
                .statusCode(412);
    }

    @Test
    void newQuestionsAfterAnswersMakeARevisionAndTheAnswersKeepTheirs() {
        String survey = aCsatSurvey().create();
        answer(tokenFor(survey, aCustomerWithEmailConsent("en")), List.of(score("sat", 4)), null)
                .statusCode(200);
        String pending = tokenFor(survey, aCustomerWithEmailConsent("en"));
        given().contentType("application/merge-patch+json")
                .body(Map.of(
                        "questions",
                        List.of(Map.of(
                                "id",
                                "stars",
                                "type",
                                "rating",
                                "min",
                                1,
                                "max",
                                10,
                                "required",
                                true,
                                "texts",
                                List.of(SurveyFixtures.text("en", "Stars?"))))))
                .patch("/v1/surveys/" + survey)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("questions[0].id", equalTo("stars"));
        form(pending).statusCode(200).body("questions[0].id", equalTo("stars")).body("questions[0].max", equalTo(10));
        answer(pending, List.of(score("stars", 10)), null).statusCode(200);
        given().get("/v1/surveys/" + survey + "/responses")
                .then()
                .statusCode(200)
                .body("data.revision", contains(2, 1));
        given().contentType("application/merge-patch+json")
                .body(Map.of("name", "Renamed"))
                .patch("/v1/surveys/" + survey)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));
        given().contentType("application/merge-patch+json")
                .body(Map.of("status", "draft"))
                .patch("/v1/surveys/" + survey)
                .then()
                .statusCode(409);
    }

    @Test
    void aSurveyDefinitionIsCheckedQuestionByQuestion() {
        anNpsSurvey()
                .with(
                        "questions",
                        List.of(
                                Map.of("id", "a", "type", "nps", "texts", List.of(SurveyFixtures.text("de", "Nein"))),
                                Map.of(
                                        "id",
                                        "b",
                                        "type",
                                        "text",
                                        "texts",
                                        List.of(SurveyFixtures.text("en", "Why?")),
                                        "showIf",
                                        Map.of("question", "c", "max", 6)),
                                Map.of(
                                        "id",
                                        "c",
                                        "type",
                                        "single_choice",
                                        "texts",
                                        List.of(SurveyFixtures.text("en", "Pick"))),
                                Map.of(
                                        "id",
                                        "d",
                                        "type",
                                        "rating",
                                        "texts",
                                        List.of(SurveyFixtures.text("en", "Rate")))))
                .with("followUps", List.of(Map.of("when", "mood==bad", "ticket", Map.of("subject", "x"))))
                .post()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "questions[0].texts",
                                "questions[1].showIf.question",
                                "questions[2].options",
                                "questions[3].max",
                                "followUps[0].when"));
        anNpsSurvey().with("status", "running").post().statusCode(400).body("errors[0].field", equalTo("status"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "customerIds", List.of(java.util.UUID.randomUUID()), "channel", "email", "touchpoint", "x"))
                .post("/v1/surveys/" + anNpsSurvey().create() + "/distributions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("customerIds[0]"));
    }

    @Test
    void aLinkTakesOnlySoManyRequestsAMinute() {
        String token = tokenFor(aCsatSurvey().create(), aCustomerWithEmailConsent("en"));
        for (int i = 0; i < 20; i++) {
            form(token).statusCode(200);
        }
        form(token).statusCode(429).contentType("application/problem+json").body("code", equalTo("rate-limited"));
    }

    @Test
    @TestSecurity(
            user = "globex-cx",
            roles = {"surveys:read", "surveys:write", "customers:read", "customers:write"},
            attributes = @io.quarkus.test.security.SecurityAttribute(key = "partner_id", value = "globex-surveys"))
    void aPartnerSeesItsOwnSurveysResponsesAndFiguresOnly() {
        String own = aCsatSurvey()
                .post()
                .statusCode(201)
                .body("partnerId", equalTo("globex-surveys"))
                .extract()
                .path("id");
        answer(tokenFor(own, aCustomerWithEmailConsent("en")), List.of(score("sat", 5)), null)
                .statusCode(200);
        String other = aCsatSurvey().create();
        database.execute(
                "update survey set partner_id = 'initech-surveys', partner_scope = 'initech-surveys'"
                        + " where id = cast(? as uuid)",
                other);
        given().get("/v1/surveys/" + other).then().statusCode(404);
        given().get("/v1/surveys/" + other + "/responses").then().statusCode(404);
        distribute(other, Map.of("anonymous", true, "channel", "kiosk", "touchpoint", "x"))
                .statusCode(404);
        given().get("/v1/surveys")
                .then()
                .statusCode(200)
                .body("data.partnerId", org.hamcrest.Matchers.everyItem(equalTo("globex-surveys")));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().get("/v1/surveys/metrics")
                        .then()
                        .statusCode(200)
                        .body("total.csatResponses", equalTo(1)));
    }

    private static String strip(String problem) {
        return problem.replaceAll("\"(instance|requestId)\":\"[^\"]*\"", "");
    }
}
