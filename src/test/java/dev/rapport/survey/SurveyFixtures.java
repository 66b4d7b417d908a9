package dev.rapport.survey;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rapport.customer.CustomerFixtures;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Builds surveys, customers to ask, distributions and answers for tests through the API. */
public final class SurveyFixtures {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private SurveyFixtures() {}

    /**
     * An active NPS survey in English and German: score (nps, required), reason (text, shown for 0-6), topics
     * (multiple choice), and ease (ces).
     */
    public static SurveyFixtures anNpsSurvey() {
        SurveyFixtures fixture = new SurveyFixtures();
        fixture.body.put("name", "Delivery NPS " + CustomerFixtures.uniqueTag());
        fixture.body.put("status", "active");
        fixture.body.put("defaultLocale", "en");
        fixture.body.put(
                "questions",
                new ArrayList<>(List.of(
                        Map.of(
                                "id",
                                "score",
                                "type",
                                "nps",
                                "required",
                                true,
                                "texts",
                                List.of(
                                        text("en", "How likely are you to recommend us?"),
                                        text("de", "Wie wahrscheinlich empfehlen Sie uns?"))),
                        Map.of(
                                "id",
                                "reason",
                                "type",
                                "text",
                                "texts",
                                List.of(text("en", "What went wrong?"), text("de", "Was lief schief?")),
                                "showIf",
                                Map.of("question", "score", "max", 6)),
                        Map.of(
                                "id",
                                "topics",
                                "type",
                                "multiple_choice",
                                "texts",
                                List.of(text("en", "What was it about?")),
                                "options",
                                List.of(
                                        Map.of("value", "delivery", "texts", List.of(text("en", "Delivery"))),
                                        Map.of("value", "price", "texts", List.of(text("en", "Price"))))),
                        Map.of("id", "ease", "type", "ces", "texts", List.of(text("en", "How easy was it?"))))));
        return fixture;
    }

    /** An active survey of one csat question. */
    public static SurveyFixtures aCsatSurvey() {
        SurveyFixtures fixture = new SurveyFixtures();
        fixture.body.put("name", "Support CSAT " + CustomerFixtures.uniqueTag());
        fixture.body.put("status", "active");
        fixture.body.put(
                "questions",
                List.of(Map.of(
                        "id", "sat", "type", "csat", "required", true, "texts", List.of(text("en", "Satisfied?")))));
        return fixture;
    }

    public static Map<String, Object> text(String locale, String text) {
        return Map.of("locale", locale, "text", text);
    }

    public SurveyFixtures with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        return body;
    }

    public ValidatableResponse post() {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/surveys")
                .then();
    }

    public String create() {
        return post().statusCode(201).extract().path("id");
    }

    /** A customer who agreed to email, in {@code locale}. */
    public static String aCustomerWithEmailConsent(String locale) {
        return CustomerFixtures.aCustomer()
                .with("locale", locale)
                .with("consents", Map.of("email", Map.of("granted", true)))
                .create();
    }

    public static ValidatableResponse distribute(String surveyId, Map<String, Object> request) {
        return given().contentType(ContentType.JSON)
                .body(request)
                .when()
                .post("/v1/surveys/" + surveyId + "/distributions")
                .then();
    }

    /** Sends the survey by email to one customer at a touchpoint; the answering token. */
    public static String tokenFor(String surveyId, String customerId) {
        return distribute(
                        surveyId,
                        Map.of("customerIds", List.of(customerId), "channel", "email", "touchpoint", "purchase"))
                .statusCode(201)
                .body("sent", org.hamcrest.Matchers.equalTo(1))
                .extract()
                .path("distributions[0].token");
    }

    /** An answer to a score question. */
    public static Map<String, Object> score(String question, int value) {
        return Map.of("question", question, "value", value);
    }

    public static Map<String, Object> said(String question, String text) {
        return Map.of("question", question, "text", text);
    }

    /** Answering without a login. */
    public static ValidatableResponse answer(String token, List<Map<String, Object>> answers, Boolean complete) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        if (complete != null) {
            body.put("complete", complete);
        }
        return given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/survey-responses/" + token)
                .then();
    }

    public static ValidatableResponse form(String token) {
        return given().auth().none().when().get("/v1/survey-responses/" + token).then();
    }
}
