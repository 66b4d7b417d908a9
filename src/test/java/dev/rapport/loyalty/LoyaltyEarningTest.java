package dev.rapport.loyalty;

import static dev.rapport.loyalty.LoyaltyFixtures.aProgram;
import static dev.rapport.loyalty.LoyaltyFixtures.balance;
import static dev.rapport.loyalty.LoyaltyFixtures.enroll;
import static dev.rapport.loyalty.LoyaltyFixtures.eventTypes;
import static dev.rapport.loyalty.LoyaltyFixtures.ledgerSum;
import static dev.rapport.loyalty.LoyaltyFixtures.posted;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.HashMap;
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
import io.restassured.http.ContentType;

/** Points earned from purchases by earning rules, taken back by refunds, pending in a return window, expiring. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LoyaltyEarningTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Database database;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void purchasesEarnByTheRulesOnceAndRefundsTakeThePointsBackInProportion() {
        String program = aProgram().create();
        rule(program, Map.of("name", "Base", "kind", "spend", "pointsPerUnit", 1));
        rule(
                program,
                Map.of("name", "Shoes double", "kind", "multiplier", "multiplier", 2, "categories", List.of("shoes")));
        rule(program, Map.of("name", "Welcome", "kind", "bonus", "points", 50, "firstPurchase", true));
        rule(
                program,
                Map.of("name", "App", "kind", "bonus", "points", 500, "channels", List.of("app"), "maxPoints", 30));
        String customer = CustomerFixtures.aCustomer().create();
        String account = enroll(program, customer).statusCode(201).extract().path("id");

        String first = purchase(
                customer, "100.00", "EUR", "web", List.of(line("shoes", 2, "20.00"), line("food", 1, "60.00")));
        // 100 spend + 40 for the shoes doubled + 50 welcome
        await().atMost(WAIT).until(() -> balance(account) == 190);
        purchase(customer, "10.00", "EUR", "app", List.of());
        // 10 spend + the app bonus capped at 30
        await().atMost(WAIT).until(() -> balance(account) == 230);
        purchase(customer, "99.00", "USD", "web", List.of());

        given().get("/v1/loyalty/accounts/" + account + "/transactions")
                .then()
                .body("data.type", contains("earn", "earn"))
                .body("data.points", contains(40, 190))
                .body("data[1].purchaseId", equalTo(first))
                .body("data[1].actor", equalTo("system"));
        assertThat(database.string(
                        "select string_agg((r ->> 'name') || '=' || (r ->> 'points'), ',' order by r ->> 'name')"
                                + " from event, jsonb_array_elements(payload -> 'rules') r"
                                + " where subject_id = cast(? as uuid) and payload ->> 'purchaseId' = ?",
                        account,
                        first))
                .isEqualTo("Base=100,Shoes double=40,Welcome=50");

        refund(customer, first, Map.of("amount", "50.00")).statusCode(201).body("refundedAmount", equalTo(50.0f));
        await().atMost(WAIT).until(() -> balance(account) == 135);
        refund(customer, first, Map.of()).statusCode(201).body("refundedAmount", equalTo(100.0f));
        await().atMost(WAIT).until(() -> balance(account) == 40);
        refund(customer, first, Map.of()).statusCode(409);

        given().get("/v1/loyalty/accounts/" + account + "/transactions")
                .then()
                .body("data.type", contains("reverse", "reverse", "earn", "earn"))
                .body("data[0].reasonCode", equalTo("refund"));
        assertThat(ledgerSum(account)).isEqualTo(40);
        assertThat(eventTypes(database, account)).contains("loyalty.points_earned", "loyalty.transaction_reversed");
    }

    @Test
    void aReplayedLogEarnsNothingTwice() {
        String program = aProgram().create();
        rule(program, Map.of("name", "Base", "kind", "spend", "pointsPerUnit", 2));
        String customer = CustomerFixtures.aCustomer().create();
        String account = enroll(program, customer).statusCode(201).extract().path("id");
        String purchase = purchase(customer, "21.00", "EUR", "web", List.of());
        await().atMost(WAIT).until(() -> balance(account) == 42);

        // the loyalty engine reads the log again from just before the purchase, as after a crash
        database.execute(
                "update consumer_cursor c set xact_id = e.xact_id, seq = e.seq - 1 from event e"
                        + " where c.name = 'loyalty' and e.type = 'purchase.recorded' and e.payload ->> 'id' = ?",
                purchase);
        String marker = purchase(customer, "1.00", "EUR", "web", List.of());
        await().atMost(WAIT).until(() -> balance(account) == 44);

        assertThat(ledgerSum(account)).isEqualTo(44);
        assertThat(database.count(
                        "select count(*) from loyalty_entry where account_id = cast(? as uuid) and purchase_id in"
                                + " (cast(? as uuid), cast(? as uuid))",
                        account,
                        purchase,
                        marker))
                .isEqualTo(2);
    }

    @Test
    void pointsWithinTheReturnWindowArePendingAndARefundBeforeItCancelsThem() {
        String program = aProgram().with("pendingDays", 14).create();
        rule(program, Map.of("name", "Base", "kind", "spend", "pointsPerUnit", 1));
        String customer = CustomerFixtures.aCustomer().create();
        String account = enroll(program, customer).statusCode(201).extract().path("id");

        String kept = purchase(customer, "80.00", "EUR", "web", List.of());
        String returned = purchase(customer, "20.00", "EUR", "web", List.of());
        await().atMost(WAIT).until(() -> pending(account) == 100);
        assertThat(balance(account)).isZero();
        refund(customer, returned, Map.of()).statusCode(201);
        refund(customer, kept, Map.of("amount", "40.00")).statusCode(201);
        await().atMost(WAIT).until(() -> pending(account) == 40);

        clock.advance(Duration.ofDays(15));
        await().atMost(WAIT).until(() -> balance(account) == 40);
        assertThat(pending(account)).isZero();
        given().get("/v1/loyalty/accounts/" + account + "/transactions")
                .then()
                .body("data.type", contains("earn"))
                .body("data[0].purchaseId", equalTo(kept));
    }

    @Test
    void anOldLotIsForecastAnnouncedAndExpiredOnceFirstToExpireFirst() {
        String program = aProgram().create();
        String customer = CustomerFixtures.aCustomer().create();
        String account = enroll(program, customer).statusCode(201).extract().path("id");
        posted(account, "earn", 100);
        clock.advance(Duration.ofDays(200));
        posted(account, "earn", 60);
        clock.advance(Duration.ofDays(140));

        given().get("/v1/loyalty/accounts/" + account + "/expiring?within=P30D")
                .then()
                .statusCode(200)
                .body("points", equalTo(100));
        await().atMost(WAIT).until(() -> eventTypes(database, account).contains("loyalty.points_expiring"));
        assertThat(database.string(
                        "select payload ->> 'points' from event where subject_id = cast(? as uuid)"
                                + " and type = 'loyalty.points_expiring'",
                        account))
                .isEqualTo("100");

        clock.advance(Duration.ofDays(30));
        await().atMost(WAIT).until(() -> balance(account) == 60);
        given().get("/v1/loyalty/accounts/" + account + "/transactions")
                .then()
                .body("data.type", contains("expire", "earn", "earn"))
                .body("data[0].points", equalTo(-100))
                .body("data[0].lotId", org.hamcrest.Matchers.notNullValue());
        assertThat(eventTypes(database, account)).containsOnlyOnce("loyalty.points_expired", "loyalty.points_expiring");
        assertThat(ledgerSum(account)).isEqualTo(60);
    }

    @Test
    void badEarningRulesAreProblemsNamingTheField() {
        String program = aProgram()
                .with("tiers", List.of(Map.of("key", "gold", "name", "Gold", "threshold", 0)))
                .create();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "programId", program, "name", "x", "kind", "spend", "points", 5, "tiers", List.of("platinum")))
                .post("/v1/loyalty/earning-rules")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("pointsPerUnit"))
                .body("errors.field", hasItem("points"))
                .body("errors.field", hasItem("tiers[0]"));
        given().contentType(ContentType.JSON)
                .body(Map.of("programId", program, "name", "x", "kind", "multiplier", "multiplier", 1))
                .post("/v1/loyalty/earning-rules")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("multiplier"));
        String rule =
                rule(program, Map.of("name", "Gold bonus", "kind", "bonus", "points", 10, "tiers", List.of("gold")));
        given().contentType("application/merge-patch+json")
                .body(Map.of("programId", aProgram().create()))
                .patch("/v1/loyalty/earning-rules/" + rule)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("programId"));
        given().contentType("application/merge-patch+json")
                .body(Map.of("enabled", false))
                .patch("/v1/loyalty/earning-rules/" + rule)
                .then()
                .statusCode(200)
                .body("enabled", equalTo(false))
                .body("version", equalTo(1));
        given().queryParam("programId", program)
                .get("/v1/loyalty/earning-rules")
                .then()
                .body("data.id", contains(rule));
    }

    static String rule(String program, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("programId", program);
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/loyalty/earning-rules")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> line(String category, int quantity, String unitPrice) {
        return Map.of("sku", "SKU-" + category, "category", category, "quantity", quantity, "unitPrice", unitPrice);
    }

    static String purchase(
            String customer, String amount, String currency, String channel, List<Map<String, Object>> items) {
        return given().contentType(ContentType.JSON)
                .body(Map.of(
                        "orderRef", "ORD-" + CustomerFixtures.uniqueTag(),
                        "amount", amount,
                        "currency", currency,
                        "channel", channel,
                        "items", items))
                .post("/v1/customers/" + customer + "/purchases")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static io.restassured.response.ValidatableResponse refund(
            String customer, String purchase, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/customers/" + customer + "/purchases/" + purchase + "/refunds")
                .then();
    }

    static long pending(String account) {
        return given().get("/v1/loyalty/accounts/" + account)
                .then()
                .extract()
                .<Number>path("pendingPoints")
                .longValue();
    }
}
