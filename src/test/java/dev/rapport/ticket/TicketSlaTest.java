package dev.rapport.ticket;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.ticket.TicketFixtures.aTicketFor;
import static dev.rapport.ticket.TicketFixtures.count;
import static dev.rapport.ticket.TicketFixtures.moveTo;
import static dev.rapport.ticket.TicketFixtures.policy;
import static dev.rapport.ticket.TicketFixtures.reply;
import static dev.rapport.ticket.TicketFixtures.requesterWrites;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** SLA policies and clocks through the API: which policy applies, clocks that pause and resume, breaches on time. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class TicketSlaTest {

    @Inject
    Database database;

    @Inject
    TestClock clock;

    @Inject
    SlaScheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
        TicketFixtures.silenceClocks(database);
    }

    private static Map<String, Object> targets(
            String priority, String firstResponse, String nextReply, String resolution) {
        Map<String, Object> targets = new java.util.LinkedHashMap<>();
        targets.put("priority", priority);
        if (firstResponse != null) {
            targets.put("firstResponse", firstResponse);
        }
        if (nextReply != null) {
            targets.put("nextReply", nextReply);
        }
        if (resolution != null) {
            targets.put("resolution", resolution);
        }
        return targets;
    }

    private static JsonPath sla(String ticket) {
        return given().when()
                .get("/v1/tickets/" + ticket + "/sla")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theFirstMatchingPolicyAppliesAndIsChosenAgainWhenATestedFieldChanges() {
        String tag = uniqueTag();
        String vip = policy(tag, null, List.of(targets("high", "PT1H", null, "PT8H")))
                .statusCode(201)
                .extract()
                .path("id");
        String billing = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Billing " + tag,
                        "position",
                        0,
                        "condition",
                        "team==billing-" + tag,
                        "targets",
                        List.of(targets("high", "PT30M", null, null))))
                .when()
                .post("/v1/sla-policies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String ticket = aTicketFor(aCustomer().create())
                .tagged(tag)
                .with("priority", "high")
                .create();
        JsonPath read = sla(ticket);
        assertThat(read.getString("policyId")).isEqualTo(vip);
        assertThat(read.getList("clocks.metric")).containsExactly("firstResponse", "resolution");
        assertThat(read.getList("clocks.state")).containsExactly("running", "running");
        assertThat(read.getString("clocks[0].target")).isEqualTo("PT1H");

        TicketFixtures.patch(ticket, Map.of("team", "billing-" + tag, "tags", List.of("other")))
                .statusCode(200)
                .body("slaPolicyId", equalTo(billing));
        assertThat(sla(ticket).getList("clocks.metric")).containsExactly("firstResponse");
        assertThat(TicketFixtures.eventTypes(database, ticket)).contains("ticket.sla_policy_applied");

        TicketFixtures.patch(ticket, Map.of("priority", "low")).statusCode(200);
        assertThat(sla(ticket).getList("clocks")).isEmpty();
        given().when()
                .delete("/v1/sla-policies/" + billing)
                .then()
                .statusCode(409)
                .body("detail", containsString("tickets are held to this policy"));
    }

    @Test
    void resolutionPausesWhilePendingAndResumesOnTheRequestersReply() {
        String tag = uniqueTag();
        policy(tag, null, List.of(targets("normal", "PT1H", "PT2H", "PT8H"))).statusCode(201);
        String ticket = aTicketFor(aCustomer().create()).tagged(tag).create();

        clock.advance(Duration.ofMinutes(30));
        reply(ticket, "Can you send the receipt?").statusCode(201);
        moveTo(ticket, "pending").statusCode(200);
        JsonPath read = sla(ticket);
        assertThat(read.getString("clocks[0].state")).isEqualTo("achieved");
        assertThat(read.getString("clocks[0].elapsed")).isEqualTo("PT30M");
        assertThat(read.getString("clocks[1].metric")).isEqualTo("resolution");
        assertThat(read.getString("clocks[1].state")).isEqualTo("paused");
        assertThat(read.getString("clocks[1].dueAt")).isNull();

        clock.advance(Duration.ofHours(3));
        assertThat(sla(ticket).getLong("clocks[1].elapsedSeconds"))
                .isEqualTo(Duration.ofMinutes(30).toSeconds());

        requesterWrites(ticket, "Here it is").statusCode(201);
        given().when().get("/v1/tickets/" + ticket).then().body("status", equalTo("open"));
        read = sla(ticket);
        assertThat(read.getList("clocks.metric")).containsExactly("firstResponse", "nextReply", "resolution");
        assertThat(read.getString("clocks[1].state")).isEqualTo("running");
        assertThat(read.getString("clocks[2].state")).isEqualTo("running");
        OffsetDateTime due = OffsetDateTime.parse(read.getString("clocks[2].dueAt"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        assertThat(Duration.between(now, due)).isBetween(Duration.ofMinutes(449), Duration.ofMinutes(451));

        clock.advance(Duration.ofMinutes(20));
        reply(ticket, "Thanks, refunded").statusCode(201);
        moveTo(ticket, "solved").statusCode(200);
        read = sla(ticket);
        assertThat(read.getList("clocks.state")).containsExactly("achieved", "achieved", "achieved");
        assertThat(read.getString("clocks[1].elapsed")).isEqualTo("PT20M");
        assertThat(read.getString("clocks[2].elapsed")).isEqualTo("PT50M");
    }

    @Test
    void aBreachIsAppendedAtItsDueTimeOnceWithAWarningBefore() {
        String tag = uniqueTag();
        policy(tag, null, List.of(targets("urgent", "PT1H", null, null))).statusCode(201);
        String customer = aCustomer().create();
        String ticket =
                aTicketFor(customer).tagged(tag).with("priority", "urgent").create();
        assertThat(count(database, ticket, "ticket.sla_warning")).isZero();

        clock.advance(Duration.ofMinutes(46));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(database, ticket, "ticket.sla_warning") == 1);
        assertThat(count(database, ticket, "ticket.sla_breached")).isZero();

        clock.advance(Duration.ofMinutes(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(database, ticket, "ticket.sla_breached") == 1);
        JsonPath breach = JsonPath.from(database.string(
                "select cast(payload as text) from event where subject_id = cast(? as uuid)"
                        + " and type = 'ticket.sla_breached'",
                ticket));
        assertThat(breach.getString("metric")).isEqualTo("firstResponse");
        assertThat(breach.getString("target")).isEqualTo("PT1H");
        assertThat(breach.getString("customerId")).isEqualTo(customer);
        assertThat(sla(ticket).getString("clocks[0].state")).isEqualTo("breached");

        clock.advance(Duration.ofMinutes(10));
        reply(ticket, "Sorry for the wait").statusCode(201);
        assertThat(sla(ticket).getString("clocks[0].state")).isEqualTo("breached");
        given().queryParam("filter", "slaBreaches=ge=1;openTickets==1")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data.id", hasItem(customer));
        scheduler.announceNow().await().atMost(Duration.ofSeconds(10));
        assertThat(count(database, ticket, "ticket.sla_breached")).isEqualTo(1);
        assertThat(count(database, ticket, "ticket.sla_warning")).isEqualTo(1);
    }

    @Test
    void schedulersRunningTogetherAnnounceEachBreachOnce() {
        String tag = uniqueTag();
        policy(tag, null, List.of(targets("high", "PT10M", null, null))).statusCode(201);
        String customer = aCustomer().create();
        List<String> tickets = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tickets.add(
                    aTicketFor(customer).tagged(tag).with("priority", "high").create());
        }
        clock.advance(Duration.ofMinutes(11));
        // four runs at once, each in its own transaction, as four replicas' would be
        dev.rapport.platform.Concurrently.run(
                4, i -> scheduler.announceNow().await().atMost(Duration.ofSeconds(30)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tickets.stream().allMatch(t -> count(database, t, "ticket.sla_breached") >= 1));
        scheduler.announceNow().await().atMost(Duration.ofSeconds(10));
        for (String ticket : tickets) {
            assertThat(count(database, ticket, "ticket.sla_breached"))
                    .as(ticket)
                    .isEqualTo(1);
            assertThat(count(database, ticket, "ticket.sla_warning")).as(ticket).isLessThanOrEqualTo(1);
        }
    }

    @Test
    @TestSecurity(
            user = "globex-desk",
            roles = {"tickets:read", "tickets:write", "tickets:manage"},
            attributes = @io.quarkus.test.security.SecurityAttribute(key = "partner_id", value = "globex-sla"))
    void anotherPartnersTicketsAndPoliciesAreAsAbsentAsMissingOnes() {
        String ticket = given().contentType(ContentType.JSON)
                .body(Map.of("requesterEmail", "g." + uniqueTag() + "@example.com", "subject", "Globex only"))
                .when()
                .post("/v1/tickets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String policy = policy(uniqueTag(), null, List.of(targets("low", "PT1H", null, null)))
                .statusCode(201)
                .extract()
                .path("id");
        given().when().get("/v1/tickets/" + ticket).then().statusCode(200);
        // the same rows, as another partner's
        database.execute(
                "update ticket set partner_id = 'initech-sla', partner_scope = 'initech-sla' where id = cast(? as uuid)",
                ticket);
        database.execute("update sla_policy set partner_id = 'initech-sla' where id = cast(? as uuid)", policy);
        given().when().get("/v1/tickets/" + ticket).then().statusCode(404);
        given().when().get("/v1/tickets/" + ticket + "/sla").then().statusCode(404);
        given().when().get("/v1/tickets/" + ticket + "/messages").then().statusCode(404);
        given().when().get("/v1/sla-policies/" + policy).then().statusCode(404);
        TicketFixtures.reply(ticket, "Not yours").statusCode(404);
        moveTo(ticket, "open").statusCode(404);
        given().when()
                .get("/v1/tickets")
                .then()
                .statusCode(200)
                .body("data.id", org.hamcrest.Matchers.not(hasItem(ticket)));
    }

    @Test
    void businessHoursCountOnlyOpeningTimes() {
        String tag = uniqueTag();
        String calendar = TicketFixtures.weekdayCalendar("Europe/London", List.of());
        policy(tag, calendar, List.of(targets("normal", "PT2H", null, null))).statusCode(201);
        String ticket = aTicketFor(aCustomer().create()).tagged(tag).create();
        JsonPath read = sla(ticket);
        assertThat(read.getBoolean("clocks[0].businessHours")).isTrue();
        OffsetDateTime due = OffsetDateTime.parse(read.getString("clocks[0].dueAt"));
        var local = due.atZoneSameInstant(java.time.ZoneId.of("Europe/London"));
        assertThat(local.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
        assertThat(local.toLocalTime()).isBetween(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(17, 0));
    }

    @Test
    void badPoliciesAndCalendarsAreProblemsNamingTheField() {
        String tag = uniqueTag();
        policy(tag, null, List.of(targets("high", "4 hours", null, null)))
                .statusCode(400)
                .body("errors.field", hasItem("targets[0].firstResponse"));
        policy(tag, null, List.of(targets("high", "PT1H", null, null), targets("high", null, null, "PT4H")))
                .statusCode(400)
                .body("errors.field", hasItem("targets[1].priority"));
        policy(tag, null, List.of(targets("high", null, null, null)))
                .statusCode(400)
                .body("errors.field", hasItem("targets[0]"));
        policy(tag, null, List.of(targets("high", "-PT1H", null, null)))
                .statusCode(400)
                .body("errors.field", hasItem("targets[0].firstResponse"));
        policy(tag, java.util.UUID.randomUUID().toString(), List.of(targets("high", "PT1H", null, null)))
                .statusCode(400)
                .body("errors.field", hasItem("calendarId"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Bad",
                        "condition",
                        "colour==red",
                        "targets",
                        List.of(targets("low", "PT1H", null, null))))
                .when()
                .post("/v1/sla-policies")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("condition"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Bad",
                        "timeZone", "Mars/Olympus",
                        "intervals", List.of(Map.of("day", "funday", "start", "25:00", "end", "17:00"))))
                .when()
                .post("/v1/business-calendars")
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("intervals[0].day", "intervals[0].start"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Bad",
                        "timeZone", "Mars/Olympus",
                        "intervals", List.of(Map.of("day", "monday", "start", "09:00", "end", "17:00"))))
                .when()
                .post("/v1/business-calendars")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("timeZone"));
        String calendar = TicketFixtures.weekdayCalendar("Europe/Paris", List.of("2026-12-25"));
        policy(tag, calendar, List.of(targets("high", "PT1H", null, null))).statusCode(201);
        given().when().delete("/v1/business-calendars/" + calendar).then().statusCode(409);
        given().when()
                .get("/v1/business-calendars/" + calendar)
                .then()
                .statusCode(200)
                .body("holidays", equalTo(List.of("2026-12-25")))
                .body("deletedAt", nullValue())
                .body("version", notNullValue());
    }
}
