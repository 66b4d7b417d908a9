package dev.rapport.automation;

import static dev.rapport.automation.TriggerFixtures.aDateTrigger;
import static dev.rapport.automation.TriggerFixtures.awaitFinishedRuns;
import static dev.rapport.automation.TriggerFixtures.runs;
import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.TestClock;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** A birthday trigger fires once, at the customer's local time of day, however often the calendar looks. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class TriggerDateTest {

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

    /** Moves the service's clock to {@code instant}, which must be ahead of the real time. */
    private void moveTo(Instant instant) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), instant));
    }
}
