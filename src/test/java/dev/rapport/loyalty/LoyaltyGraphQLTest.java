package dev.rapport.loyalty;

import static dev.rapport.loyalty.LoyaltyFixtures.balance;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerFixtures;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Loyalty through GraphQL: the same rules and error codes as REST, and the customer's loyalty as a nested field. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LoyaltyGraphQLTest {

    @Test
    void aProgramAccountPostingsRewardsAndTheCustomersLoyaltyThroughGraphQL() {
        String program = graphql("""
                mutation { createLoyaltyProgram(input: {name: "Club", pointsName: "points", currency: "EUR",
                    tiers: [{key: "member", name: "Member", threshold: 0}, {key: "vip", name: "VIP", threshold: 100}]})
                  { id tiers { key } qualification { basis period } } }""", Map.of())
                .body("errors", nullValue())
                .body("data.createLoyaltyProgram.qualification.period", equalTo("P12M"))
                .extract()
                .path("data.createLoyaltyProgram.id");
        String customer = CustomerFixtures.aCustomer().create();
        String account = graphql(
                        "mutation($p: ID!, $c: String!) { enrollLoyaltyAccount(programId: $p, input: {customerId: $c})"
                                + " { id tier cardNumber } }",
                        Map.of("p", program, "c", customer))
                .body("data.enrollLoyaltyAccount.tier", equalTo("member"))
                .extract()
                .path("data.enrollLoyaltyAccount.id");

        String post = """
                mutation($a: ID!, $k: String!, $points: BigInteger!) {
                  postLoyaltyTransaction(accountId: $a, idempotencyKey: $k, input: {type: "earn", points: $points}) {
                    replayed entries { id balanceAfter } account { balance tier } tierBefore } }""";
        String key = UUID.randomUUID().toString();
        String entry = graphql(post, Map.of("a", account, "k", key, "points", 120))
                .body("errors", nullValue())
                .body("data.postLoyaltyTransaction.account.tier", equalTo("vip"))
                .body("data.postLoyaltyTransaction.tierBefore", equalTo("member"))
                .extract()
                .path("data.postLoyaltyTransaction.entries[0].id");
        graphql(post, Map.of("a", account, "k", key, "points", 120))
                .body("data.postLoyaltyTransaction.replayed", equalTo(true))
                .body("data.postLoyaltyTransaction.entries[0].id", equalTo(entry));
        graphql(post, Map.of("a", account, "k", key, "points", 7))
                .body("errors[0].extensions.code", equalTo("idempotency-key-reused"));
        graphql(
                        "mutation($a: ID!) { simulateLoyaltyTransaction(accountId: $a, input: {type: \"redeem\", points: 500})"
                                + " { simulated } }",
                        Map.of("a", account))
                .body("errors[0].extensions.code", equalTo("insufficient-points"));

        String reward = graphql(
                        "mutation($p: String!) { createLoyaltyReward(input: {programId: $p, name: \"Mug\", cost: 100})"
                                + " { id stock } }",
                        Map.of("p", program))
                .body("data.createLoyaltyReward.stock", nullValue())
                .extract()
                .path("data.createLoyaltyReward.id");
        graphql(
                        "query($a: ID!) { loyaltyAccount(id: $a) { balance tierProgress { qualifying nextTier }"
                                + " rewards { redeemable reward { name } } transactions(limit: 5) { data { type } } } }",
                        Map.of("a", account))
                .body("data.loyaltyAccount.balance", equalTo(120))
                .body("data.loyaltyAccount.tierProgress.qualifying", equalTo(120))
                .body("data.loyaltyAccount.tierProgress.nextTier", nullValue())
                .body("data.loyaltyAccount.rewards[0].redeemable", equalTo(true))
                .body("data.loyaltyAccount.transactions.data[0].type", equalTo("earn"));
        String code = graphql(
                        "mutation($a: ID!, $r: ID!, $k: String!) { redeemLoyaltyReward(accountId: $a, rewardId: $r,"
                                + " idempotencyKey: $k) { code account { balance } } }",
                        Map.of("a", account, "r", reward, "k", UUID.randomUUID().toString()))
                .body("data.redeemLoyaltyReward.account.balance", equalTo(20))
                .extract()
                .path("data.redeemLoyaltyReward.code");
        graphql("mutation($c: String!) { useLoyaltyRewardCode(code: $c) { code } }", Map.of("c", code))
                .body("data.useLoyaltyRewardCode.code", equalTo(code));
        graphql("mutation($c: String!) { useLoyaltyRewardCode(code: $c) { code } }", Map.of("c", code))
                .body("errors[0].extensions.code", equalTo("conflict"));

        graphql(
                        "query($p: ID!) { loyaltyAccounts(programId: $p) { data { id balance } hasMore } }",
                        Map.of("p", program))
                .body("errors", nullValue())
                .body("data.loyaltyAccounts.data[0].id", equalTo(account))
                .body("data.loyaltyAccounts.hasMore", equalTo(false));
        graphql(
                        "query($c: ID!) { customer(id: $c) { loyalty { balance accounts { id tier } } } }",
                        Map.of("c", customer))
                .body("errors", nullValue())
                .body("data.customer.loyalty.balance", equalTo(20))
                .body("data.customer.loyalty.accounts[0].id", equalTo(account));
        assertThat(balance(account)).isEqualTo(20);
    }

    @Test
    void earningRulesAndRefundsThroughGraphQL() {
        String program = LoyaltyFixtures.aProgram().create();
        graphql(
                        "mutation($p: String!) { createLoyaltyEarningRule(input: {programId: $p, name: \"Base\","
                                + " kind: \"spend\", pointsPerUnit: 2, channels: [\"web\"]}) { id pointsPerUnit } }",
                        Map.of("p", program))
                .body("errors", nullValue())
                .body("data.createLoyaltyEarningRule.pointsPerUnit", equalTo(2));
        graphql(
                        "mutation($p: String!) { createLoyaltyEarningRule(input: {programId: $p, name: \"Bad\","
                                + " kind: \"spend\"}) { id } }",
                        Map.of("p", program))
                .body("errors[0].extensions.code", equalTo("validation-failed"));
        String customer = CustomerFixtures.aCustomer().create();
        String purchase = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "orderRef", "G-" + UUID.randomUUID(), "amount", "30.00", "currency", "EUR", "items", List.of()))
                .post("/v1/customers/" + customer + "/purchases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        graphql(
                        "mutation($c: ID!, $p: ID!) { refundPurchase(customerId: $c, purchaseId: $p,"
                                + " input: {amount: 10.00}) { refundedAmount purchaseAmount } }",
                        Map.of("c", customer, "p", purchase))
                .body("errors", nullValue())
                .body("data.refundPurchase.refundedAmount", equalTo(10.0f));
    }

    static ValidatableResponse graphql(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("query", query, "variables", variables))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200);
    }
}
