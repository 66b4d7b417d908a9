package dev.rapport.loyalty;

import static dev.rapport.loyalty.LoyaltyFixtures.aProgram;
import static dev.rapport.loyalty.LoyaltyFixtures.anAccount;
import static dev.rapport.loyalty.LoyaltyFixtures.balance;
import static dev.rapport.loyalty.LoyaltyFixtures.ledgerSum;
import static dev.rapport.loyalty.LoyaltyFixtures.post;
import static dev.rapport.loyalty.LoyaltyFixtures.posted;
import static dev.rapport.loyalty.LoyaltyFixtures.posting;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Concurrently;
import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** The ledger under concurrent postings, and the database's own guard of its rules. */
@QuarkusTest
@TestSecurity(user = "pos.terminal", roles = "manager", augmentors = RolePermissions.class)
class LoyaltyConcurrencyTest {

    private static final String REDEEM = """
            mutation($account: ID!, $key: String!) {
              postLoyaltyTransaction(accountId: $account, idempotencyKey: $key,
                                     input: {type: "redeem", points: 10}) {
                entries { balanceAfter }
              }
            }""";

    @Inject
    Database database;

    @Test
    void twoHundredConcurrentRedemptionsNeverTakeTheBalanceBelowZero() {
        String account = anAccount(aProgram().create());
        posted(account, "earn", 600);
        posted(account, "earn", 400);

        List<String> outcomes = Concurrently.run(200, i -> i % 2 == 0 ? viaRest(account) : viaGraphQL(account));

        assertThat(outcomes).containsOnly("posted", "insufficient-points");
        assertThat(outcomes).filteredOn("posted"::equals).hasSize(100);
        assertThat(balance(account)).isZero();
        assertThat(ledgerSum(account)).isZero();
        assertThat(database.count(
                        "select count(*) from loyalty_entry where account_id = cast(? as uuid) and balance_after < 0",
                        account))
                .isZero();
        assertThat(database.count(
                        "select coalesce(sum(remaining), 0) from loyalty_lot where account_id = cast(? as uuid)",
                        account))
                .isZero();
    }

    @Test
    void concurrentRepeatsOfOneKeyPostOnce() {
        String account = anAccount(aProgram().create());
        String key = UUID.randomUUID().toString();

        List<Integer> statuses = Concurrently.run(
                20, i -> post(account, key, posting("earn", 25L)).extract().statusCode());

        assertThat(statuses).containsOnly(201);
        assertThat(balance(account)).isEqualTo(25);
    }

    @Test
    void oppositeTransfersAtOnceDoNotDeadlock() {
        String program = aProgram().create();
        String a = anAccount(program);
        String b = anAccount(program);
        posted(a, "earn", 1000);
        posted(b, "earn", 1000);

        List<Integer> statuses = Concurrently.run(
                40,
                i -> post(i % 2 == 0 ? a : b, posting("transfer", 5L, "toAccountId", i % 2 == 0 ? b : a))
                        .extract()
                        .statusCode());

        assertThat(statuses).containsOnly(201);
        assertThat(balance(a) + balance(b)).isEqualTo(2000);
        assertThat(balance(a)).isEqualTo(1000);
    }

    @Test
    void theDatabaseKeepsTheBalanceTheSumOfAnAppendOnlyLedger() {
        String account = anAccount(aProgram().create());
        String entry = posted(account, "earn", 10);

        // an entry that says it leaves another balance than the ledger sums to
        assertThatThrownBy(() -> database.execute(
                        "insert into loyalty_entry (id, account_id, type, points, balance_after, actor, created_at)"
                                + " values (gen_random_uuid(), cast(? as uuid), 'adjust', 5, 99, 'x', now())",
                        account))
                .hasMessageContaining("ledger sums to 15");
        // an entry that takes the balance below zero
        assertThatThrownBy(() -> database.execute(
                        "insert into loyalty_entry (id, account_id, type, points, balance_after, actor, created_at)"
                                + " values (gen_random_uuid(), cast(? as uuid), 'adjust', -11, -1, 'x', now())",
                        account))
                .hasMessageContaining("check");
        assertThatThrownBy(() ->
                        database.execute("update loyalty_entry set points = 1000 where id = cast(? as uuid)", entry))
                .hasMessageContaining("never changed or deleted");
        assertThatThrownBy(() -> database.execute("delete from loyalty_entry where id = cast(? as uuid)", entry))
                .hasMessageContaining("never changed or deleted");
        assertThatThrownBy(() -> database.execute(
                        "update loyalty_account set balance = 1000 where id = cast(? as uuid)", account))
                .hasMessageContaining("sum of the ledger");
        assertThat(balance(account)).isEqualTo(10);
    }

    private static String viaRest(String account) {
        var response = post(account, posting("redeem", 10L)).extract();
        return response.statusCode() == 201 ? "posted" : response.path("code");
    }

    private static String viaGraphQL(String account) {
        var response = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "query",
                        REDEEM,
                        "variables",
                        Map.of("account", account, "key", UUID.randomUUID().toString())))
                .post("/graphql")
                .then()
                .statusCode(200)
                .extract();
        List<Object> errors = response.path("errors");
        return errors == null ? "posted" : response.path("errors[0].extensions.code");
    }
}
