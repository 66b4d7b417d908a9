package dev.rapport.webhook;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Registers webhook endpoints for tests through the API, like CustomerFixtures does customers. */
public final class WebhookFixtures {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private WebhookFixtures() {}

    /** An endpoint at {@code url} for the given event types (patterns allowed). */
    public static WebhookFixtures anEndpoint(String url, String... eventTypes) {
        WebhookFixtures fixture = new WebhookFixtures();
        fixture.body.put("url", url);
        fixture.body.put("eventTypes", List.of(eventTypes));
        return fixture;
    }

    public WebhookFixtures with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    /** Registers the endpoint and returns the response, asserting nothing. */
    public ValidatableResponse post() {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/webhook-endpoints")
                .then();
    }

    /** Registers the endpoint and returns the answer, which alone carries its secret. */
    public JsonPath register() {
        return post().statusCode(201).extract().jsonPath();
    }

    /** Registers the endpoint and returns its id. */
    public String create() {
        return register().getString("id");
    }

    /** Deletes an endpoint (and its deliveries). */
    public static void delete(String endpointId) {
        given().when().delete("/v1/webhook-endpoints/" + endpointId).then().statusCode(204);
    }
}
