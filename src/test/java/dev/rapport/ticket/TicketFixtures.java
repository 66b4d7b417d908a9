package dev.rapport.ticket;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.rapport.platform.Database;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Builds tickets, messages, calendars and policies for tests through the API. */
public final class TicketFixtures {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private TicketFixtures() {}

    public static TicketFixtures aTicketFor(String customerId) {
        TicketFixtures fixture = new TicketFixtures();
        fixture.body.put("customerId", customerId);
        fixture.body.put("subject", "Card declined at checkout");
        fixture.body.put("channel", "email");
        fixture.body.put("type", "incident");
        return fixture;
    }

    public TicketFixtures with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public TicketFixtures tagged(String tag) {
        body.put("tags", List.of(tag));
        return this;
    }

    public ValidatableResponse post() {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/tickets")
                .then();
    }

    public String create() {
        return post().statusCode(201).extract().path("id");
    }

    /** Adds a public reply of an agent. */
    public static ValidatableResponse reply(String ticketId, String text) {
        return message(ticketId, Map.of("visibility", "public", "authorType", "agent", "bodyText", text));
    }

    /** Adds a public message of the requester. */
    public static ValidatableResponse requesterWrites(String ticketId, String text) {
        return message(ticketId, Map.of("visibility", "public", "authorType", "requester", "bodyText", text));
    }

    public static ValidatableResponse message(String ticketId, Map<String, Object> message) {
        return given().contentType(ContentType.JSON)
                .body(message)
                .when()
                .post("/v1/tickets/" + ticketId + "/messages")
                .then();
    }

    public static ValidatableResponse patch(String ticketId, Map<String, Object> patch) {
        return given().contentType("application/merge-patch+json")
                .body(patch)
                .when()
                .patch("/v1/tickets/" + ticketId)
                .then();
    }

    public static ValidatableResponse moveTo(String ticketId, String status) {
        return patch(ticketId, Map.of("status", status));
    }

    /** A calendar open on weekdays from 09:00 to 17:00 in {@code zone}. */
    public static String weekdayCalendar(String zone, List<String> holidays) {
        List<Map<String, String>> intervals = new ArrayList<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            intervals.add(Map.of("day", day, "start", "09:00", "end", "17:00"));
        }
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Weekdays " + zone, "timeZone", zone, "intervals", intervals, "holidays", holidays))
                .when()
                .post("/v1/business-calendars")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A policy for tickets tagged {@code tag} with the given targets per priority. */
    public static ValidatableResponse policy(String tag, String calendarId, List<Map<String, Object>> targets) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("name", "Policy " + tag);
        policy.put("condition", "tags==" + tag);
        if (calendarId != null) {
            policy.put("calendarId", calendarId);
        }
        policy.put("targets", targets);
        return given().contentType(ContentType.JSON)
                .body(policy)
                .when()
                .post("/v1/sla-policies")
                .then();
    }

    /** The types of the events about a ticket, in log order. */
    public static List<String> eventTypes(Database database, String ticketId) {
        String types = database.string(
                "select string_agg(type, ',' order by seq) from event where subject_id = cast(? as uuid)", ticketId);
        return types == null ? List.of() : List.of(types.split(","));
    }

    /** How many events of {@code type} there are about a ticket. */
    public static long count(Database database, String ticketId, String type) {
        return database.count(
                "select count(*) from event where subject_id = cast(? as uuid) and type = ?", ticketId, type);
    }

    /**
     * Marks every SLA clock's warning and breach announced, so that clocks a test left running announce nothing
     * when a later test moves the clock (and the statements later tests count see no background work).
     */
    public static void silenceClocks(Database database) {
        database.execute("update ticket_sla_clock set warn_announced = true, breach_announced = true"
                + " where not (warn_announced and breach_announced)");
    }
}
