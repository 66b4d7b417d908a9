package dev.rapport.loyalty;

import static dev.rapport.loyalty.LoyaltyFixtures.aProgram;
import static dev.rapport.loyalty.LoyaltyFixtures.anAccount;
import static dev.rapport.loyalty.LoyaltyFixtures.balance;
import static dev.rapport.loyalty.LoyaltyFixtures.enroll;
import static dev.rapport.loyalty.LoyaltyFixtures.eventTypes;
import static dev.rapport.loyalty.LoyaltyFixtures.ledgerSum;
import static dev.rapport.loyalty.LoyaltyFixtures.post;
import static dev.rapport.loyalty.LoyaltyFixtures.posted;
import static dev.rapport.loyalty.LoyaltyFixtures.posting;
import static dev.rapport.loyalty.LoyaltyFixtures.simulate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** A loyalty account's life through the API: enrolled, earning, redeeming, reversing, transferring; and refusals. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class LoyaltyResourceTest {

    @Inject
    Database database;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCustomerIsEnrolledEarnsRedeemsAndSeesItAllInTheLedgerAnd360View() {
        String program = aProgram().create();
        String customer = CustomerFixtures.aCustomer().create();
        var enrolled = enroll(program, customer)
                .statusCode(201)
                .body("programId", equalTo(program))
                .body("customerId", equalTo(customer))
                .body("balance", equalTo(0))
                .extract();
        String account = enrolled.path("id");
        String card = enrolled.path("cardNumber");
        assertThat(LoyaltyCards.normalized(card)).isEqualTo(card);

        String earned = posted(account, "earn", 500, "reasonCode", "welcome", "note", "Welcome bonus");
        post(account, posting("redeem", 200L, "reasonCode", "reward"))
                .statusCode(201)
                .body("simulated", equalTo(false))
                .body("entries[0].type", equalTo("redeem"))
                .body("entries[0].points", equalTo(-200))
                .body("entries[0].balanceAfter", equalTo(300))
                .body("entries[0].actor", equalTo("mona.manager"))
                .body("account.balance", equalTo(300))
                .body("account.lifetimeEarned", equalTo(500))
                .body("lotsTaken[0].points", equalTo(200));

        given().get("/v1/loyalty/accounts/" + account + "/transactions")
                .then()
                .statusCode(200)
                .body("data.type", contains("redeem", "earn"))
                .body("data[1].id", equalTo(earned))
                .body("data[1].reasonCode", equalTo("welcome"))
                .body("data[1].note", equalTo("Welcome bonus"));
        assertThat(ledgerSum(account)).isEqualTo(300).isEqualTo(balance(account));

        given().get("/v1/customers/" + customer + "/loyalty")
                .then()
                .statusCode(200)
                .body("balance", equalTo(300))
                .body("accounts[0].id", equalTo(account))
                .body("accounts[0].cardNumber", equalTo(card));
        given().queryParam("expand", "loyalty")
                .get("/v1/customers/" + customer)
                .then()
                .statusCode(200)
                .body("loyalty.balance", equalTo(300))
                .body("loyalty.accounts[0].programId", equalTo(program));
        assertThat(eventTypes(database, account))
                .containsExactly("loyalty.account_enrolled", "loyalty.points_earned", "loyalty.points_redeemed");
        assertThat(database.string(
                        "select payload ->> 'customerId' || ':' || (payload ->> 'balance') from event"
                                + " where subject_id = cast(? as uuid) and type = 'loyalty.points_redeemed'",
                        account))
                .isEqualTo(customer + ":300");
    }

    @Test
    void aRedemptionBeyondTheBalanceIsRefusedAndWritesNothing() {
        String account = anAccount(aProgram().create());
        posted(account, "earn", 100);

        post(account, posting("redeem", 150L))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("insufficient-points"));
        simulate(account, posting("redeem", 150L)).statusCode(409).body("code", equalTo("insufficient-points"));
        post(account, posting("adjust", -101L)).statusCode(409).body("code", equalTo("insufficient-points"));

        assertThat(balance(account)).isEqualTo(100);
        given().get("/v1/loyalty/accounts/" + account + "/transactions").then().body("data.type", contains("earn"));
    }

    @Test
    void aPostingHappensOncePerIdempotencyKey() {
        String account = anAccount(aProgram().create());
        String key = UUID.randomUUID().toString();
        String first = post(account, key, posting("earn", 70L))
                .statusCode(201)
                .extract()
                .path("entries[0].id");

        post(account, key, posting("earn", 70L))
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("replayed", equalTo(true))
                .body("entries[0].id", equalTo(first))
                .body("account.balance", equalTo(70));
        post(account, key, posting("earn", 80L)).statusCode(422).body("code", equalTo("idempotency-key-reused"));
        post(account, null, posting("earn", 80L)).statusCode(400).body("errors.field", hasItem("Idempotency-Key"));

        assertThat(balance(account)).isEqualTo(70);
        assertThat(ledgerSum(account)).isEqualTo(70);
    }

    @Test
    void everyBadPostingIsAProblemNamingTheField() {
        String program = aProgram().create();
        String account = anAccount(program);
        String elsewhere = anAccount(aProgram().create());

        post(account, posting("earn", 0L)).statusCode(400).body("errors.field", hasItem("points"));
        post(account, posting("earn", null)).statusCode(400).body("errors.field", hasItem("points"));
        post(account, posting("adjust", 0L)).statusCode(400).body("errors.field", hasItem("points"));
        post(account, posting("expire", 5L)).statusCode(400).body("errors.field", hasItem("type"));
        post(account, posting("reverse", null)).statusCode(400).body("errors.field", hasItem("reverses"));
        post(account, posting("transfer", 5L)).statusCode(400).body("errors.field", hasItem("toAccountId"));
        post(account, posting("transfer", 5L, "toAccountId", account))
                .statusCode(400)
                .body("errors.field", hasItem("toAccountId"));
        post(account, posting("earn", 5L, "toAccountId", elsewhere))
                .statusCode(400)
                .body("errors.field", hasItem("toAccountId"));
        post(account, posting("earn", 5L, "reasonCode", "Not A Code"))
                .statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        post(account, posting("earn", 2_000_000_000L)).statusCode(400).body("errors.field", hasItem("points"));
        post(account, posting("reverse", null, "reverses", UUID.randomUUID().toString()))
                .statusCode(400)
                .body("errors.field", hasItem("reverses"));
        posted(account, "earn", 50);
        post(account, posting("transfer", 5L, "toAccountId", elsewhere))
                .statusCode(400)
                .body("errors[0].message", equalTo("must be an account of the same program"));
        post(UUID.randomUUID().toString(), posting("earn", 5L)).statusCode(404);
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-" + UUID.randomUUID())
                .body("{\"type\": \"earn\", \"points\": 1.5}")
                .post("/v1/loyalty/accounts/" + account + "/transactions")
                .then()
                .statusCode(400);

        assertThat(balance(account)).isEqualTo(50);
    }

    @Test
    void aSimulationAnswersWhatThePostingThatFollowsDoesAndWritesNothing() {
        String account = anAccount(aProgram().create());
        posted(account, "earn", 300);
        clock.advance(Duration.ofDays(10));
        posted(account, "earn", 200);
        clock.advance(Duration.ofDays(350));

        var simulated = simulate(account, posting("redeem", 400L, "reasonCode", "reward"))
                .statusCode(200)
                .body("simulated", equalTo(true))
                .body("entries[0].id", equalTo(null))
                .body("entries[0].balanceAfter", equalTo(100))
                .body("account.balance", equalTo(100))
                .body("lotsTaken.points", contains(300, 100))
                .extract();
        assertThat(balance(account)).isEqualTo(500);

        var posted = post(account, posting("redeem", 400L, "reasonCode", "reward"))
                .statusCode(201)
                .extract();
        for (String field : List.of(
                "entries[0].type",
                "entries[0].points",
                "entries[0].balanceAfter",
                "account.balance",
                "account.lifetimeEarned",
                "account.tier",
                "lotsTaken.points",
                "lotsTaken.lotId",
                "lotsTaken.expiresAt",
                "lotsMade",
                "pointsExpiringSoon")) {
            assertThat(posted.<Object>path(field)).as(field).isEqualTo(simulated.path(field));
        }
        // the 100 points left are the second lot's, earned 350 days ago: they expire within the 30 notice days
        assertThat(posted.<Integer>path("pointsExpiringSoon")).isEqualTo(100);
    }

    @Test
    void reversalsGiveBackAndNeverExceedTheOriginal() {
        String account = anAccount(aProgram().create());
        String earn = posted(account, "earn", 500);
        String redeem = posted(account, "redeem", 200);

        post(account, posting("reverse", 50L, "reverses", redeem))
                .statusCode(201)
                .body("entries[0].type", equalTo("reverse"))
                .body("entries[0].points", equalTo(50))
                .body("entries[0].reverses", equalTo(redeem))
                .body("account.balance", equalTo(350));
        post(account, posting("reverse", null, "reverses", redeem))
                .statusCode(201)
                .body("entries[0].points", equalTo(150))
                .body("account.balance", equalTo(500));
        post(account, posting("reverse", null, "reverses", redeem))
                .statusCode(409)
                .body("detail", equalTo("The entry is reversed in full already"));

        String reversal = post(account, posting("reverse", 300L, "reverses", earn))
                .statusCode(201)
                .body("entries[0].points", equalTo(-300))
                .body("account.balance", equalTo(200))
                .body("account.lifetimeEarned", equalTo(200))
                .extract()
                .path("entries[0].id");
        post(account, posting("reverse", 201L, "reverses", earn)).statusCode(409);
        post(account, posting("reverse", null, "reverses", reversal)).statusCode(409);
        posted(account, "redeem", 150);
        // 200 of the earning are left to reverse, but only 50 points are held now
        post(account, posting("reverse", null, "reverses", earn))
                .statusCode(409)
                .body("code", equalTo("insufficient-points"));

        assertThat(ledgerSum(account)).isEqualTo(50).isEqualTo(balance(account));
        assertThat(eventTypes(database, account)).contains("loyalty.transaction_reversed");
    }

    @Test
    void aTransferMovesPointsWithTheirExpiryInTwoLinkedEntries() {
        String program = aProgram().create();
        String from = anAccount(program);
        String to = anAccount(program);
        posted(from, "earn", 400);
        OffsetDateTime expires =
                OffsetDateTime.parse(given().get("/v1/loyalty/accounts/" + from + "/expiring?within=P400D")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("lots[0].expiresAt"));

        var transfer = post(from, posting("transfer", 150L, "toAccountId", to, "reasonCode", "household"))
                .statusCode(201)
                .body("entries.accountId", contains(from, to))
                .body("entries.points", contains(-150, 150))
                .body("account.balance", equalTo(250))
                .extract();
        assertThat(transfer.<String>path("entries[0].linkedEntryId")).isEqualTo(transfer.path("entries[1].id"));
        assertThat(transfer.<String>path("entries[1].linkedEntryId")).isEqualTo(transfer.path("entries[0].id"));

        assertThat(balance(to)).isEqualTo(150);
        given().get("/v1/loyalty/accounts/" + to + "/expiring?within=P400D")
                .then()
                .statusCode(200)
                .body("points", equalTo(150))
                .body("lots[0].expiresAt", equalTo(expires.toString()));
        post(to, posting("reverse", null, "reverses", transfer.path("entries[1].id")))
                .statusCode(409);
        assertThat(eventTypes(database, to)).containsExactly("loyalty.account_enrolled", "loyalty.points_transferred");
    }

    @Test
    void theForecastShowsTheLotsThatExpireWithinThePeriod() {
        String account = anAccount(aProgram().create());
        posted(account, "earn", 100);
        clock.advance(Duration.ofDays(180));
        posted(account, "earn", 200);

        given().get("/v1/loyalty/accounts/" + account + "/expiring?within=P200D")
                .then()
                .statusCode(200)
                .body("points", equalTo(100))
                .body("lots.points", contains(100));
        given().get("/v1/loyalty/accounts/" + account + "/expiring?within=P400D")
                .then()
                .body("points", equalTo(300))
                .body("lots.points", contains(100, 200));
        // a redemption takes the points first to expire
        posted(account, "redeem", 150);
        given().get("/v1/loyalty/accounts/" + account + "/expiring?within=P400D")
                .then()
                .body("lots.points", contains(150));
        given().get("/v1/loyalty/accounts/" + account + "/expiring?within=soon")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("within"));
    }

    @Test
    void aCardIsFoundAsTypedReplacedAndTheOldNumberStopsAnswering() {
        String account = anAccount(aProgram().create());
        posted(account, "earn", 42);
        String card =
                given().get("/v1/loyalty/accounts/" + account).then().extract().path("cardNumber");
        String typed = card.substring(0, 4) + " " + card.substring(4, 8) + "-" + card.substring(8);

        given().get("/v1/loyalty/cards/" + typed).then().statusCode(200).body("id", equalTo(account));
        char last = card.charAt(15);
        String mistyped = card.substring(0, 15) + (char) ('0' + (last - '0' + 1) % 10);
        given().get("/v1/loyalty/cards/" + mistyped).then().statusCode(400).body("errors.field", hasItem("number"));

        String replaced = given().post("/v1/loyalty/accounts/" + account + "/card")
                .then()
                .statusCode(200)
                .body("balance", equalTo(42))
                .extract()
                .path("cardNumber");
        assertThat(replaced).isNotEqualTo(card);
        given().get("/v1/loyalty/cards/" + card).then().statusCode(404);
        given().get("/v1/loyalty/cards/" + replaced).then().statusCode(200).body("id", equalTo(account));
        assertThat(eventTypes(database, account)).endsWith("loyalty.card_replaced");
    }

    @Test
    void aCustomerIsEnrolledOncePerProgram() {
        String program = aProgram().create();
        String customer = CustomerFixtures.aCustomer().create();
        enroll(program, customer).statusCode(201);
        enroll(program, customer).statusCode(409);
        enroll(program, UUID.randomUUID().toString()).statusCode(404);
        enroll(UUID.randomUUID().toString(), customer).statusCode(404);
        enroll(aProgram().create(), customer).statusCode(201);
        given().get("/v1/customers/" + customer + "/loyalty").then().body("accounts.size()", equalTo(2));
    }

    @Test
    void programsAreValidatedChangedWithETagsAndKeptWhileTheyHaveAccounts() {
        aProgram()
                .with(
                        "tiers",
                        List.of(
                                Map.of("key", "gold", "name", "Gold", "threshold", 1000),
                                Map.of("key", "gold", "name", "Silver", "threshold", 500)))
                .with("timeZone", "Mars/Olympus")
                .with("expiry", Map.of("policy", "after_period"))
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("tiers[1].key"))
                .body("errors.field", hasItem("tiers[1].threshold"))
                .body("errors.field", hasItem("timeZone"))
                .body("errors.field", hasItem("expiry.period"));
        aProgram().with("currency", "euro").post().statusCode(400).body("errors.field", hasItem("currency"));

        var created = aProgram()
                .with("tiers", List.of(Map.of("key", "base", "name", "Base", "threshold", 0)))
                .post()
                .statusCode(201)
                .header("ETag", notNullValue())
                .body("qualification.basis", equalTo("points"))
                .body("qualification.period", equalTo("P12M"))
                .body("timeZone", equalTo("UTC"))
                .extract();
        String program = created.path("id");
        String etag = created.header("ETag");

        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("pointsName", "miles"))
                .patch("/v1/loyalty/programs/" + program)
                .then()
                .statusCode(200)
                .body("pointsName", equalTo("miles"))
                .body("version", equalTo(1));
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("pointsName", "points"))
                .patch("/v1/loyalty/programs/" + program)
                .then()
                .statusCode(412);

        anAccount(program);
        given().delete("/v1/loyalty/programs/" + program).then().statusCode(409);
        String empty = aProgram().create();
        given().delete("/v1/loyalty/programs/" + empty).then().statusCode(204);
        given().get("/v1/loyalty/programs/" + empty).then().statusCode(404);
    }

    @Test
    @TestSecurity(
            user = "globex-pos",
            roles = {"loyalty:read", "loyalty:write", "loyalty:manage", "customers:read", "customers:write"},
            attributes = @io.quarkus.test.security.SecurityAttribute(key = "partner_id", value = "globex-loyalty"))
    void anotherPartnersAccountsAreAsAbsentAsMissingOnesAndInHouseProgramsAreUsedNotChanged() {
        String program = aProgram()
                .post()
                .statusCode(201)
                .body("partnerId", equalTo("globex-loyalty"))
                .extract()
                .path("id");
        String account = anAccount(program);
        String other = anAccount(program);
        posted(account, "earn", 30);
        String card = given().get("/v1/loyalty/accounts/" + other)
                .then()
                .statusCode(200)
                .extract()
                .path("cardNumber");
        database.execute("update loyalty_account set partner_id = 'initech-loyalty' where id = cast(? as uuid)", other);

        given().get("/v1/loyalty/accounts/" + other).then().statusCode(404);
        given().get("/v1/loyalty/cards/" + card).then().statusCode(404);
        post(other, posting("earn", 5L)).statusCode(404);
        post(account, posting("transfer", 5L, "toAccountId", other))
                .statusCode(400)
                .body("errors.field", hasItem("toAccountId"));
        given().get("/v1/loyalty/programs/" + program + "/accounts").then().body("data.id", contains(account));

        String inHouse = aProgram().create();
        database.execute("update loyalty_program set partner_id = null where id = cast(? as uuid)", inHouse);
        given().contentType("application/merge-patch+json")
                .body(Map.of("name", "Mine now"))
                .patch("/v1/loyalty/programs/" + inHouse)
                .then()
                .statusCode(403);
        String customer = CustomerFixtures.aCustomer().create();
        enroll(inHouse, customer).statusCode(201).body("partnerId", equalTo("globex-loyalty"));
        assertThat(balance(account)).isEqualTo(30);
    }
}
