package dev.rapport.survey;

import static dev.rapport.survey.SurveyFixtures.aCustomerWithEmailConsent;
import static dev.rapport.survey.SurveyFixtures.answer;
import static dev.rapport.survey.SurveyFixtures.score;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Surveys through GraphQL: the same rules and error codes as REST, and the customer's survey part as a field. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class SurveyGraphQLTest {

    @Test
    void aSurveyIsDefinedSentAnsweredAndCountedThroughGraphQL() {
        String survey = graphql("""
                        mutation { createSurvey(input: {name: "Onboarding CES", status: "active", questions: [
                            {id: "effort", type: "ces", required: true, texts: [{locale: "en", text: "Was it easy?"}]},
                            {id: "score", type: "nps", texts: [{locale: "en", text: "Recommend us?"}]}]})
                          { id revision status questions { id type required texts { locale text } } } }""", Map.of())
                .body("errors", nullValue())
                .body("data.createSurvey.revision", equalTo(1))
                .body("data.createSurvey.questions[0].type", equalTo("ces"))
                .extract()
                .path("data.createSurvey.id");
        String customer = aCustomerWithEmailConsent("en");
        String token = graphql("""
                        mutation($s: ID!, $c: [String]) { distributeSurvey(surveyId: $s,
                            input: {customerIds: $c, channel: "in_app", touchpoint: "onboarding"})
                          { sent suppressed distributions { status token touchpoint } } }""", Map.of("s", survey, "c", List.of(customer)))
                .body("errors", nullValue())
                .body("data.distributeSurvey.sent", equalTo(1))
                .extract()
                .path("data.distributeSurvey.distributions[0].token");
        answer(token, List.of(score("effort", 2), score("score", 10)), null).statusCode(200);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> graphql("""
                                query($s: ID!) { survey(id: $s) { name
                                    responses(filter: "category==promoter") { data { ces nps category customerId } }
                                    distributions { data { status } } } }""", Map.of("s", survey))
                        .body("errors", nullValue())
                        .body("data.survey.responses.data", hasSize(1))
                        .body("data.survey.responses.data[0].ces", equalTo(2))
                        .body("data.survey.distributions.data[0].status", equalTo("answered")));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> graphql(
                                "query($s: ID!) { surveyMetrics(surveyId: $s, interval: \"month\") { total { responses"
                                        + " nps npsLow npsHigh ces } buckets { group } } }",
                                Map.of("s", survey))
                        .body("errors", nullValue())
                        .body("data.surveyMetrics.total.responses", equalTo(1)));
        graphql(
                        "query($s: ID!) { surveyMetrics(surveyId: $s, interval: \"month\") { total { responses nps"
                                + " npsLow npsHigh ces } buckets { group } } }",
                        Map.of("s", survey))
                .body("errors", nullValue())
                .body("data.surveyMetrics.total.responses", equalTo(1))
                .body("data.surveyMetrics.total.nps", equalTo(100.0f))
                .body("data.surveyMetrics.total.ces", equalTo(2.0f));
        String response = given().get("/v1/surveys/" + survey + "/responses")
                .then()
                .extract()
                .path("data[0].id");
        graphql(
                        "query($s: ID!, $r: ID!) { surveyResponse(surveyId: $s, id: $r) { nps category touchpoint } }",
                        Map.of("s", survey, "r", response))
                .body("errors", nullValue())
                .body("data.surveyResponse.category", equalTo("promoter"))
                .body("data.surveyResponse.touchpoint", equalTo("onboarding"));
        graphql(
                        "query($s: ID!) { survey(id: $s) { distributions(status: \"lost\") { data { status } } } }",
                        Map.of("s", survey))
                .body("errors[0].extensions.code", equalTo("validation-failed"));
        graphql(
                        "query($c: ID!) { customer(id: $c) { surveys { latestNps latestNpsCategory latestCes responses } } }",
                        Map.of("c", customer))
                .body("errors", nullValue())
                .body("data.customer.surveys.latestNps", equalTo(10))
                .body("data.customer.surveys.latestNpsCategory", equalTo("promoter"))
                .body("data.customer.surveys.responses", equalTo(1));
        graphql(
                        "mutation($s: ID!) { updateSurvey(id: $s, patch: \"{\\\"status\\\": \\\"draft\\\"}\") { status } }",
                        Map.of("s", survey))
                .body("errors[0].extensions.code", equalTo("conflict"));
        graphql(
                        "mutation { createSurvey(input: {name: \"x\", questions: [{id: \"q\", type: \"nps\","
                                + " texts: [{locale: \"fr\", text: \"Alors?\"}]}]}) { id } }",
                        Map.of())
                .body("errors[0].extensions.code", equalTo("validation-failed"));
    }

    static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200);
    }
}
