package dev.rapport.ticket;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.ticket.TicketFixtures.aTicketFor;
import static dev.rapport.ticket.TicketFixtures.eventTypes;
import static dev.rapport.ticket.TicketFixtures.moveTo;
import static dev.rapport.ticket.TicketFixtures.reply;
import static dev.rapport.ticket.TicketFixtures.requesterWrites;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A ticket's life through the API: from new to closed, its messages, history and events, and what is refused. */
@QuarkusTest
@TestSecurity(user = "ana.agent", roles = "agent", augmentors = RolePermissions.class)
class TicketResourceTest {

    @Inject
    Database database;

    @Inject
    TestClock clock;

    @Inject
    TicketAutoClose autoClose;

    @Test
    void aTicketGoesFromNewToClosedWithItsMessagesHistoryAndEvents() {
        String customer = aCustomer().create();
        JsonPath created = aTicketFor(customer)
                .with("priority", "high")
                .with("message", Map.of("authorType", "requester", "bodyText", "My card is declined"))
                .post()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("status", equalTo("new"))
                .body("priority", equalTo("high"))
                .body("number", matchesPattern("T-[0-9]+"))
                .body("customerId", equalTo(customer))
                .body("firstResponseAt", nullValue())
                .extract()
                .jsonPath();
        String ticket = created.getString("id");

        given().when()
                .get("/v1/tickets/" + ticket)
                .then()
                .statusCode(200)
                .body("subject", equalTo("Card declined at checkout"));

        reply(ticket, "Which card do you use?").statusCode(201).body("authorId", equalTo("ana.agent"));
        given().when()
                .get("/v1/tickets/" + ticket)
                .then()
                .body("status", equalTo("open"))
                .body("firstResponseAt", notNullValue());
        TicketFixtures.message(
                        ticket,
                        Map.of(
                                "visibility",
                                "internal",
                                "bodyHtml",
                                "<p onclick=\"x()\">Check <script>x()</script>"
                                        + "<a href=\"javascript:x()\">the log</a></p>"))
                .statusCode(201)
                .body("bodyHtml", equalTo("<p>Check <a rel=\"nofollow noopener noreferrer\">the log</a></p>"));

        moveTo(ticket, "pending").statusCode(200).body("status", equalTo("pending"));
        requesterWrites(ticket, "The Visa one").statusCode(201);
        given().when().get("/v1/tickets/" + ticket).then().body("status", equalTo("open"));

        moveTo(ticket, "solved")
                .statusCode(200)
                .body("status", equalTo("solved"))
                .body("solvedAt", notNullValue());
        moveTo(ticket, "pending")
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", equalTo("A solved ticket can move to open, closed, not pending"));

        clock.advance(Duration.ofDays(5));
        try {
            assertThat(autoClose.closeDue().await().indefinitely()).isGreaterThanOrEqualTo(1);
        } finally {
            clock.reset();
        }
        given().when()
                .get("/v1/tickets/" + ticket)
                .then()
                .body("status", equalTo("closed"))
                .body("closedAt", notNullValue());
        requesterWrites(ticket, "Still broken")
                .statusCode(409)
                .body("detail", containsString("open a follow-up ticket"));
        moveTo(ticket, "open").statusCode(409).body("detail", containsString("final"));

        assertThat(given().when()
                        .get("/v1/tickets/" + ticket + "/messages")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("data.visibility"))
                .containsExactly("public", "public", "internal", "public");
        assertThat(given().when()
                        .get("/v1/tickets/" + ticket + "/history")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("data.to"))
                .containsExactly("new", "open", "pending", "open", "solved", "closed");
        assertThat(eventTypes(database, ticket))
                .containsExactly(
                        "ticket.created",
                        "ticket.message_added",
                        "ticket.message_added",
                        "ticket.status_changed",
                        "ticket.message_added",
                        "ticket.updated",
                        "ticket.status_changed",
                        "ticket.message_added",
                        "ticket.status_changed",
                        "ticket.updated",
                        "ticket.status_changed",
                        "ticket.solved",
                        "ticket.status_changed",
                        "ticket.closed");

        String followUp = aTicketFor(customer).with("followUpOf", ticket).create();
        given().when().get("/v1/tickets/" + followUp).then().body("followUpOf", equalTo(ticket));
        aTicketFor(customer)
                .with("followUpOf", followUp)
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("followUpOf"));
    }

    @Test
    void aSolvedTicketReopensWhenTheRequesterWritesAndCountsTheReopening() {
        String customer = aCustomer().create();
        String ticket = aTicketFor(customer).with("status", "open").create();
        moveTo(ticket, "solved").statusCode(200);
        requesterWrites(ticket, "It happened again").statusCode(201);
        given().when()
                .get("/v1/tickets/" + ticket)
                .then()
                .body("status", equalTo("open"))
                .body("reopenCount", equalTo(1))
                .body("solvedAt", nullValue());
        assertThat(eventTypes(database, ticket)).contains("ticket.reopened");
    }

    @Test
    void anAssignmentIsItsOwnEvent() {
        String ticket = aTicketFor(aCustomer().create()).create();
        TicketFixtures.patch(ticket, Map.of("assigneeId", "bo.agent", "team", "billing"))
                .statusCode(200)
                .body("assigneeId", equalTo("bo.agent"));
        assertThat(eventTypes(database, ticket)).containsExactly("ticket.created", "ticket.updated", "ticket.assigned");
        assertThat(database.string(
                        "select payload ->> 'assigneeId' from event where subject_id = cast(? as uuid)"
                                + " and type = 'ticket.assigned'",
                        ticket))
                .isEqualTo("bo.agent");
    }

    @Test
    @TestSecurity(
            user = "acme-helpdesk",
            roles = {"tickets:write", "tickets:read", "customers:read"},
            attributes = @io.quarkus.test.security.SecurityAttribute(key = "partner_id", value = "acme-tickets"))
    void aPartnersRequesterEmailResolvesToItsCustomerOrCreatesOne() {
        String email = "new." + dev.rapport.customer.CustomerFixtures.uniqueTag() + "@example.com";
        String first = given().contentType(ContentType.JSON)
                .body(Map.of("requesterEmail", email.toUpperCase(), "subject", "Where is my order?"))
                .when()
                .post("/v1/tickets")
                .then()
                .statusCode(201)
                .body("partnerId", equalTo("acme-tickets"))
                .extract()
                .path("customerId");
        given().when().get("/v1/customers/" + first).then().statusCode(200).body("emails[0].address", equalTo(email));
        String second = given().contentType(ContentType.JSON)
                .body(Map.of("requesterEmail", email, "subject", "Still waiting"))
                .when()
                .post("/v1/tickets")
                .then()
                .statusCode(201)
                .extract()
                .path("customerId");
        assertThat(second).isEqualTo(first);
        List<String> numbers = given().queryParam("filter", "customerId==" + first)
                .queryParam("sort", "createdAt")
                .when()
                .get("/v1/tickets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data.number");
        assertThat(numbers).hasSize(2);
        assertThat(Long.parseLong(numbers.get(1).substring(2)))
                .isEqualTo(Long.parseLong(numbers.get(0).substring(2)) + 1);
    }

    @Test
    void badTicketsAndChangesAreProblemsNamingTheField() {
        String customer = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customer))
                .when()
                .post("/v1/tickets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("subject"));
        aTicketFor(customer)
                .with("requesterEmail", "ada@example.com")
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("customerId"));
        aTicketFor(customer).with("priority", "asap").post().statusCode(400).body("errors.field", hasItem("priority"));
        aTicketFor(customer).with("status", "solved").post().statusCode(400).body("errors.field", hasItem("status"));
        aTicketFor(java.util.UUID.randomUUID().toString()).post().statusCode(404);
        aTicketFor(customer)
                .with("message", Map.of("bodyHtml", "<script>only()</script>"))
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("message"));

        String ticket = aTicketFor(customer).create();
        TicketFixtures.patch(ticket, Map.of("customerId", aCustomer().create()))
                .statusCode(400)
                .body("errors.field", hasItem("customerId"));
        moveTo(ticket, "new").statusCode(200);
        moveTo(ticket, "closed")
                .statusCode(409)
                .body("detail", containsString("can move to open, pending, on_hold, solved"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"99\"")
                .body(Map.of("subject", "Changed"))
                .when()
                .patch("/v1/tickets/" + ticket)
                .then()
                .statusCode(412);
        given().queryParam("filter", "nope==1").when().get("/v1/tickets").then().statusCode(400);
        given().queryParam("sort", "subject").when().get("/v1/tickets").then().statusCode(400);
    }

    @Test
    void listsFilterSortAndSearch() {
        String tag = dev.rapport.customer.CustomerFixtures.uniqueTag();
        String customer = aCustomer().create();
        String low = aTicketFor(customer)
                .tagged(tag)
                .with("priority", "low")
                .with("subject", "Invoice copy " + tag)
                .create();
        String urgent =
                aTicketFor(customer).tagged(tag).with("priority", "urgent").create();
        String normal = aTicketFor(customer).tagged(tag).create();
        assertThat(given().queryParam("filter", "tags==" + tag)
                        .queryParam("sort", "priority")
                        .when()
                        .get("/v1/tickets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("data.id"))
                .containsExactly(urgent, normal, low);
        assertThat(given().queryParam("q", "invoice COPY " + tag)
                        .when()
                        .get("/v1/tickets")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("data.id"))
                .containsExactly(low);
        assertThat(given().queryParam("filter", "tags==" + tag + ";priority=in=(low,urgent)")
                        .queryParam("limit", 1)
                        .when()
                        .get("/v1/tickets")
                        .then()
                        .body("hasMore", equalTo(true))
                        .extract()
                        .jsonPath()
                        .getList("data.id"))
                .containsExactly(urgent);
    }
}
