package dev.rapport.loyalty;

import static dev.rapport.loyalty.LoyaltyFixtures.aProgram;
import static dev.rapport.loyalty.LoyaltyFixtures.eventTypes;
import static dev.rapport.loyalty.LoyaltyFixtures.post;
import static dev.rapport.loyalty.LoyaltyFixtures.posted;
import static dev.rapport.loyalty.LoyaltyFixtures.posting;
import static dev.rapport.loyalty.LoyaltyFixtures.simulate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Tiers: a climb as soon as the points qualify, a fall only at the review at the end of the period. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LoyaltyTierTest {

    @Inject
    Database database;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anAccountClimbsAsSoonAsItQualifiesAndFallsOnlyAtTheReview() {
        String program = aProgram()
                .with(
                        "tiers",
                        List.of(
                                Map.of("key", "base", "name", "Base", "threshold", 0),
                                Map.of("key", "silver", "name", "Silver", "threshold", 100),
                                Map.of("key", "gold", "name", "Gold", "threshold", 500)))
                .with("qualification", Map.of("basis", "points", "period", "P12M"))
                .create();
        String customer = CustomerFixtures.aCustomer().create();
        String account = LoyaltyFixtures.enroll(program, customer)
                .statusCode(201)
                .body("tier", equalTo("base"))
                .extract()
                .path("id");

        post(account, posting("earn", 150L))
                .statusCode(201)
                .body("tierBefore", equalTo("base"))
                .body("account.tier", equalTo("silver"));
        given().get("/v1/loyalty/accounts/" + account)
                .then()
                .body("tier", equalTo("silver"))
                .body("tierProgress.qualifying", equalTo(150))
                .body("tierProgress.nextTier", equalTo("gold"))
                .body("tierProgress.needed", equalTo(350));
        // spending points does not lower the tier
        posted(account, "redeem", 120);
        simulate(account, posting("earn", 400L)).statusCode(200).body("account.tier", equalTo("gold"));
        assertThat(given().get("/v1/loyalty/accounts/" + account)
                        .then()
                        .extract()
                        .<String>path("tier"))
                .isEqualTo("silver");
        post(account, posting("earn", 400L))
                .statusCode(201)
                .body("tierBefore", equalTo("silver"))
                .body("account.tier", equalTo("gold"));
        assertThat(database.string(
                        "select payload ->> 'why' from event where subject_id = cast(? as uuid)"
                                + " and type = 'loyalty.tier_changed' and payload ->> 'to' = 'gold'",
                        account))
                .isEqualTo("550 stars earned over P12M reach Gold's 500");

        clock.advance(Duration.ofDays(200));
        posted(account, "earn", 120);
        clock.advance(Duration.ofDays(170));
        // a year in gold: the review counts the 120 points of the last twelve months, silver's
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "silver"
                        .equals(given().get("/v1/loyalty/accounts/" + account)
                                .then()
                                .extract()
                                .path("tier")));
        assertThat(eventTypes(database, account).stream().filter("loyalty.tier_changed"::equals))
                .hasSize(3);
        assertThat(database.string(
                        "select payload ->> 'direction' || ':' || (payload ->> 'from') from event"
                                + " where subject_id = cast(? as uuid) and type = 'loyalty.tier_changed'"
                                + " and payload ->> 'to' = 'silver' and payload ->> 'from' = 'gold'",
                        account))
                .isEqualTo("downgrade:gold");
    }
}
