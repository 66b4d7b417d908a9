package dev.rapport.automation;

import static dev.rapport.automation.TriggerFixtures.aDateTrigger;
import static dev.rapport.automation.TriggerFixtures.awaitFinishedRuns;
import static dev.rapport.automation.TriggerFixtures.runs;
import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.segment.SegmentFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A birthday trigger fires once, at the customer's local time of day, and a schedule once per member when it comes
 * due, however often the calendar looks.
 */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class TriggerDateTest {

    @Inject
    Database database;

    @AfterEach
    void disableTriggers() {
        TriggerFixtures.disableAll(database);
    }

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestClock clock;

    @Inject
    AutomationCalendar calendar;

    @Test
    void aBirthdayTriggerFiresOnceAtNineInTheMorningWhereTheCustomerLives() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        LocalDate inThreeDays = LocalDate.now(auckland).plusDays(3);
        LocalDate birthday = inThreeDays.withYear(1990);
        String tag = uniqueTag();
        String customer = aCustomer()
                .with("tags", List.of(tag))
                .with("birthday", birthday.toString())
                .with("timeZone", "Pacific/Auckland")
                .create();
        String elsewhere = aCustomer()
                .with("tags", List.of(tag))
                .with("birthday", birthday.toString())
                .with("timeZone", "America/Los_Angeles")
                .create();
        String trigger = aDateTrigger("birthday", "09:00")
                .with("condition", "tags==" + tag)
                .action("addTags", Map.of("tags", List.of("birthday-greeted")))
                .action("webhook", Map.of("payload", Map.of("template", "birthday")))
                .create();
        Instant nineInAuckland =
                ZonedDateTime.of(inThreeDays, LocalTime.of(9, 0), auckland).toInstant();
        try {
            moveTo(nineInAuckland.minusSeconds(60));
            calendar.sweep().await().atMost(WAIT);
            assertThat(runs(trigger).getList("data")).isEmpty();

            moveTo(nineInAuckland.plusSeconds(60));
            assertThat(calendar.sweep().await().atMost(WAIT)).isEqualTo(1);
            calendar.sweep().await().atMost(WAIT);

            JsonPath runs = awaitFinishedRuns(trigger, 1);
            assertThat(runs.getString("data[0].status")).isEqualTo("succeeded");
            assertThat(runs.getString("data[0].customerId")).isEqualTo(customer);
            assertThat(runs.getString("data[0].occurrence")).isEqualTo(customer + "/" + inThreeDays);
            assertThat(runs.getString("data[0].eventId")).isNull();
            assertThat(given().get("/v1/customers/" + customer).jsonPath().getList("tags"))
                    .contains("birthday-greeted");
            assertThat(given().get("/v1/customers/" + elsewhere).jsonPath().getList("tags"))
                    .doesNotContain("birthday-greeted");
        } finally {
            clock.reset();
        }
    }

    @Test
    void aScheduleFiresOnceForEachMemberOfItsSegmentWhenItComesDue() {
        String tag = uniqueTag();
        String member = aCustomer().with("tags", List.of(tag)).create();
        String other = aCustomer().with("tags", List.of(tag)).create();
        String untagged = aCustomer().create();
        String list = SegmentFixtures.aStaticSegment().create();
        given().contentType(ContentType.JSON)
                .body(Map.of("customerIds", List.of(member, untagged)))
                .when()
                .post("/v1/segments/" + list + "/members")
                .then()
                .statusCode(200);
        String trigger = TriggerFixtures.aScheduleTrigger("0 9 * * *", "Asia/Tokyo", list)
                .with("condition", "tags==" + tag)
                .action("setAttribute", Map.of("key", "weeklyNews", "value", "sent"))
                .create();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZonedDateTime next =
                ZonedDateTime.now(tokyo).withHour(9).withMinute(0).withSecond(0).withNano(0);
        if (!next.isAfter(ZonedDateTime.now(tokyo).plusMinutes(1))) {
            next = next.plusDays(1);
        }
        try {
            moveTo(next.toInstant().minusSeconds(60));
            calendar.sweep().await().atMost(WAIT);
            assertThat(runs(trigger).getList("data")).isEmpty();

            moveTo(next.toInstant().plusSeconds(60));
            assertThat(calendar.sweep().await().atMost(WAIT)).isEqualTo(1);
            calendar.sweep().await().atMost(WAIT);

            JsonPath runs = awaitFinishedRuns(trigger, 1);
            assertThat(runs.getString("data[0].customerId")).isEqualTo(member);
            assertThat(runs.getString("data[0].occurrence")).isEqualTo(member + "/" + next.toInstant());
            assertThat(given().get("/v1/customers/" + member).jsonPath().getString("attributes.weeklyNews"))
                    .isEqualTo("sent");
            assertThat(given().get("/v1/customers/" + other).jsonPath().getString("attributes.weeklyNews"))
                    .isNull();
        } finally {
            clock.reset();
        }
    }

    @Test
    void aScheduleNeedsACronExpressionAZoneAndASegment() {
        String list = SegmentFixtures.aStaticSegment().create();
        TriggerFixtures.aScheduleTrigger("every monday", "Asia/Tokyo", list)
                .action("webhook", Map.of())
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("schedule.cron"));
        TriggerFixtures.aScheduleTrigger("0 9 * * MON", "Mars/Olympus", list)
                .action("webhook", Map.of())
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("schedule.timeZone"));
        TriggerFixtures.aScheduleTrigger(
                        "0 9 * * MON", "Asia/Tokyo", UUID.randomUUID().toString())
                .action("webhook", Map.of())
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("schedule.segmentId"));
    }

    /** Moves the service's clock to {@code instant}, which must be ahead of the real time. */
    private void moveTo(Instant instant) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), instant));
    }
}
