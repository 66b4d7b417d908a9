package dev.rapport.loyalty;

import static dev.rapport.loyalty.LoyaltyFixtures.aProgram;
import static dev.rapport.loyalty.LoyaltyFixtures.anAccount;
import static dev.rapport.loyalty.LoyaltyFixtures.balance;
import static dev.rapport.loyalty.LoyaltyFixtures.enroll;
import static dev.rapport.loyalty.LoyaltyFixtures.eventTypes;
import static dev.rapport.loyalty.LoyaltyFixtures.ledgerSum;
import static dev.rapport.loyalty.LoyaltyFixtures.posted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerFixtures;
import dev.rapport.platform.Concurrently;
import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.segment.SegmentFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Rewards: what an account can redeem and why not, a redemption with its code, stock under concurrency. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LoyaltyRewardTest {

    @Inject
    Database database;

    @Test
    void aRewardIsRedeemedOnceForItsCodeAndTheCodeIsUsedOnce() {
        String program = aProgram().create();
        String reward =
                reward(program, Map.of("name", "Free espresso", "cost", 100, "stock", 10, "perCustomerLimit", 1));
        String account = anAccount(program);
        posted(account, "earn", 250);

        given().get("/v1/loyalty/accounts/" + account + "/rewards")
                .then()
                .statusCode(200)
                .body("reward.id", contains(reward))
                .body("redeemable", contains(true));
        String key = UUID.randomUUID().toString();
        var redeemed = redeem(account, reward, key)
                .statusCode(201)
                .body("code", matchesPattern("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}"))
                .body("entry.type", equalTo("redeem"))
                .body("entry.points", equalTo(-100))
                .body("entry.reasonCode", equalTo("reward"))
                .body("account.balance", equalTo(150))
                .extract();
        String code = redeemed.path("code");
        redeem(account, reward, key)
                .statusCode(201)
                .body("replayed", equalTo(true))
                .body("code", equalTo(code));
        redeem(account, reward, UUID.randomUUID().toString())
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("per customer"));
        given().get("/v1/loyalty/accounts/" + account + "/rewards")
                .then()
                .body("redeemable", contains(false))
                .body("reasons[0].code", contains("limit_reached"));
        given().get("/v1/loyalty/rewards/" + reward).then().body("stock", equalTo(9));
        assertThat(balance(account)).isEqualTo(150);
        assertThat(ledgerSum(account)).isEqualTo(150);

        given().post("/v1/loyalty/reward-codes/" + code.toLowerCase() + "/use")
                .then()
                .statusCode(200)
                .body("code", equalTo(code))
                .body("accountId", equalTo(account));
        given().post("/v1/loyalty/reward-codes/" + code + "/use").then().statusCode(409);
        given().post("/v1/loyalty/reward-codes/NOPE-NOPE-NOPE/use").then().statusCode(404);
        assertThat(eventTypes(database, account)).contains("loyalty.reward_redeemed", "loyalty.reward_code_used");
        given().delete("/v1/loyalty/rewards/" + reward).then().statusCode(409);
    }

    @Test
    void theOffersSayWhyARewardIsOutOfReach() {
        String program = aProgram()
                .with(
                        "tiers",
                        List.of(
                                Map.of("key", "base", "name", "Base", "threshold", 0),
                                Map.of("key", "gold", "name", "Gold", "threshold", 1000)))
                .create();
        String customer = CustomerFixtures.aCustomer().create();
        String account = enroll(program, customer).statusCode(201).extract().path("id");
        posted(account, "earn", 50);
        String segment = SegmentFixtures.aStaticSegment().create();
        reward(program, Map.of("name", "Cheap", "cost", 10));
        reward(program, Map.of("name", "Dear", "cost", 500));
        reward(program, Map.of("name", "Gold only", "cost", 11, "tiers", List.of("gold")));
        reward(program, Map.of("name", "Gone", "cost", 12, "stock", 0));
        reward(program, Map.of("name", "Members", "cost", 13, "segmentId", segment));
        reward(
                program,
                Map.of(
                        "name",
                        "Later",
                        "cost",
                        14,
                        "validFrom",
                        OffsetDateTime.now().plusDays(3).toString()));

        given().get("/v1/loyalty/accounts/" + account + "/rewards")
                .then()
                .statusCode(200)
                .body("reward.name", contains("Cheap", "Gold only", "Gone", "Members", "Later", "Dear"))
                .body("redeemable", contains(true, false, false, false, false, false))
                .body(
                        "reasons.code.flatten()",
                        contains("not_in_tier", "out_of_stock", "not_in_segment", "not_yet_valid", "points_short"))
                .body("reasons[5][0].detail", equalTo("450 points short of 500"));

        given().contentType(ContentType.JSON)
                .body(Map.of("customerIds", List.of(customer)))
                .post("/v1/segments/" + segment + "/members")
                .then()
                .statusCode(200);
        given().get("/v1/loyalty/accounts/" + account + "/rewards")
                .then()
                .body("redeemable", contains(true, false, false, true, false, false));
    }

    @Test
    void stockNeverGoesBelowZeroUnderConcurrentRedemptions() {
        String program = aProgram().create();
        String reward = reward(program, Map.of("name", "Limited edition", "cost", 10, "stock", 5));
        List<String> accounts = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String account = anAccount(program);
            posted(account, "earn", 10);
            accounts.add(account);
        }

        List<Integer> statuses = Concurrently.run(
                16,
                i -> redeem(accounts.get(i), reward, UUID.randomUUID().toString())
                        .extract()
                        .statusCode());

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(5);
        given().get("/v1/loyalty/rewards/" + reward).then().body("stock", equalTo(0));
        assertThat(database.count("select count(*) from loyalty_reward_code where reward_id = cast(? as uuid)", reward))
                .isEqualTo(5);
        assertThat(accounts.stream().mapToLong(LoyaltyFixtures::balance).sum()).isEqualTo(16 * 10 - 5 * 10);
    }

    static String reward(String program, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("programId", program);
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/loyalty/rewards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse redeem(String account, String reward, String key) {
        return given().header("Idempotency-Key", key)
                .post("/v1/loyalty/accounts/" + account + "/rewards/" + reward + "/redeem")
                .then();
    }
}
