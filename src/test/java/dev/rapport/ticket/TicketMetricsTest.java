package dev.rapport.ticket;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.ticket.TicketFixtures.aTicketFor;
import static dev.rapport.ticket.TicketFixtures.moveTo;
import static dev.rapport.ticket.TicketFixtures.reply;
import static dev.rapport.ticket.TicketFixtures.requesterWrites;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasItem;

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
import io.restassured.path.json.JsonPath;

/**
 * The ticket metrics against figures computed by hand. Each ticket's times come from the moved clock; requests
 * take some milliseconds on top, so times are compared to within a few seconds.
 */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class TicketMetricsTest {

    @Inject
    TestClock clock;

    @Inject
    Database database;

    @Inject
    SlaScheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
        TicketFixtures.silenceClocks(database);
    }

    @Test
    void ttrFirstResponseBacklogAttainmentAndReopenRateAreThoseComputedByHand() {
        String team = uniqueTag();
        String tag = uniqueTag();
        TicketFixtures.policy(
                        tag,
                        null,
                        List.of(Map.of("priority", "normal", "firstResponse", "PT90M", "resolution", "PT7H")))
                .statusCode(201);
        OffsetDateTime from = OffsetDateTime.now(clock).minusHours(1);
        String customer = aCustomer().create();
        String a = aTicketFor(customer).with("team", team).tagged(tag).create();
        String b = aTicketFor(customer).with("team", team).tagged(tag).create();
        aTicketFor(customer).with("team", team).tagged(tag).create();

        clock.advance(Duration.ofHours(1));
        reply(a, "On it").statusCode(201); // first response of a: 1 h
        clock.advance(Duration.ofHours(1));
        reply(b, "On it").statusCode(201); // first response of b: 2 h, over its 90 min target
        moveTo(a, "solved").statusCode(200); // resolution of a: 2 h
        clock.advance(Duration.ofHours(2));
        moveTo(b, "solved").statusCode(200);
        clock.advance(Duration.ofHours(1));
        requesterWrites(b, "Not fixed").statusCode(201); // b reopens
        clock.advance(Duration.ofHours(1));
        moveTo(b, "solved").statusCode(200); // resolution of b: 6 h, of which 5 h counted (within 7 h)
        // the third ticket's first response fell due after 90 min: its breach decides that target too
        scheduler.announceNow().await().atMost(Duration.ofSeconds(10));

        JsonPath metrics = given().queryParam("from", from.toString())
                .queryParam("to", OffsetDateTime.now(clock).plusHours(1).toString())
                .queryParam("interval", "month")
                .queryParam("groupBy", "team")
                .when()
                .get("/v1/tickets/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> total = metrics.getMap("totals.find { it.group == '" + team + "' }");
        assertThat(total.get("created")).isEqualTo(3);
        assertThat(total.get("solved")).isEqualTo(2);
        assertThat(total.get("backlog")).isEqualTo(1);
        assertThat(total.get("firstResponses")).isEqualTo(2);
        double ttr = (2 * 3600 + 6 * 3600) / 2.0;
        assertThat(number(total, "ttrSeconds")).isCloseTo(ttr, within(5.0));
        assertThat(number(total, "ttrBusinessSeconds")).isCloseTo(ttr, within(5.0));
        assertThat(number(total, "medianResolutionSeconds")).isCloseTo(ttr, within(5.0));
        assertThat(number(total, "p90ResolutionSeconds")).isCloseTo(2 * 3600 + 0.9 * 4 * 3600, within(5.0));
        assertThat(number(total, "meanFirstResponseSeconds")).isCloseTo(1.5 * 3600, within(5.0));
        assertThat(number(total, "medianFirstResponseSeconds")).isCloseTo(1.5 * 3600, within(5.0));
        assertThat(number(total, "firstResponseAttainment")).isCloseTo(1 / 3.0, within(1e-6));
        assertThat(number(total, "resolutionAttainment")).isEqualTo(1.0);
        assertThat(number(total, "reopenRate")).isEqualTo(0.5);

        JsonPath ungrouped = given().queryParam("from", from.toString())
                .queryParam("to", OffsetDateTime.now(clock).plusHours(1).toString())
                .queryParam("interval", "day")
                .when()
                .get("/v1/tickets/metrics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(ungrouped.getList("totals")).hasSize(1);
        assertThat(ungrouped.getInt("totals[0].created")).isGreaterThanOrEqualTo(3);
        assertThat(ungrouped.getInt("totals[0].backlog")).isGreaterThanOrEqualTo(1);

        List<Map<String, Object>> buckets = metrics.getList("buckets.findAll { it.group == '" + team + "' }");
        assertThat(buckets.stream()
                        .mapToInt(bucket -> (Integer) bucket.get("created"))
                        .sum())
                .isEqualTo(3);
        assertThat(buckets.get(buckets.size() - 1).get("backlog")).isEqualTo(1);
    }

    @Test
    void badRangesIntervalsAndGroupsAreProblems() {
        given().queryParam("interval", "year")
                .when()
                .get("/v1/tickets/metrics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("interval"));
        given().queryParam("groupBy", "subject")
                .when()
                .get("/v1/tickets/metrics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("groupBy"));
        given().queryParam("from", "2026-12-01T00:00:00Z")
                .queryParam("to", "2026-11-01T00:00:00Z")
                .when()
                .get("/v1/tickets/metrics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"));
        given().queryParam("from", "2020-01-01T00:00:00Z")
                .queryParam("to", "2026-11-01T00:00:00Z")
                .queryParam("interval", "day")
                .when()
                .get("/v1/tickets/metrics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("interval"));
    }

    private static double number(Map<String, Object> bucket, String field) {
        return ((Number) bucket.get(field)).doubleValue();
    }
}
