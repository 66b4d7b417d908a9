package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.logInteraction;
import static dev.rapport.customer.CustomerFixtures.recordPurchase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.SqlStatementCounter;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class CustomerGraphQLTest {

    private static final String PAGE_360 = """
            query($filter: String, $limit: Int!) {
              customers(filter: $filter, limit: $limit) {
                hasMore
                data {
                  id givenName
                  recentPurchases(limit: 3) { orderRef amount currency }
                  recentInteractions(limit: 3) { type summary }
                  stats { purchaseCount lifetimeValue { amount currency } }
                }
              }
            }
            """;

    @Test
    void customer360ForOneCustomerInOneQuery() {
        String id = aCustomer().create();
        recordPurchase(id, "ORD-1", "10.50");
        recordPurchase(id, "ORD-2", "5.25");
        logInteraction(id, "Asked about delivery");

        graphql("""
                query($id: ID!) {
                  customer(id: $id) {
                    id familyName emails { address primary }
                    recentPurchases { orderRef amount }
                    recentInteractions { type summary actor }
                    stats { purchaseCount lifetimeValue { amount currency } firstPurchaseAt lastPurchaseAt }
                  }
                }
                """, Map.of("id", id))
                .body("errors", nullValue())
                .body("data.customer.familyName", equalTo("Lovelace"))
                .body("data.customer.recentPurchases", hasSize(2))
                .body("data.customer.recentInteractions[0].summary", equalTo("Asked about delivery"))
                .body("data.customer.recentInteractions[0].actor", equalTo("agent-alice"))
                .body("data.customer.stats.purchaseCount", equalTo(2))
                .body("data.customer.stats.lifetimeValue[0].amount", equalTo(15.75f))
                .body("data.customer.stats.lifetimeValue[0].currency", equalTo("EUR"));
    }

    @Test
    void oneCustomerGetsTheSameNestedFieldsAloneAsInAPage() {
        String tag = CustomerFixtures.uniqueTag();
        String id = aCustomer().with("tags", List.of(tag)).create();
        String other = aCustomer().with("tags", List.of(tag)).create();
        for (int i = 1; i <= 3; i++) {
            recordPurchase(id, "ORD-" + i, i + ".00");
            logInteraction(id, "Call " + i);
        }
        recordPurchase(other, "ORD-OTHER", "9.00");
        String fields = """
                id
                recentPurchases(limit: 2) { orderRef }
                recentInteractions(limit: 2) { summary }
                stats { purchaseCount lifetimeValue { amount currency } }
                """;

        Map<String, Object> alone = graphql(
                        "query($id: ID!) { customer(id: $id) { " + fields + " } }", Map.of("id", id))
                .body("errors", nullValue())
                .extract()
                .path("data.customer");
        List<Map<String, Object>> page = graphql(
                        "query($filter: String) { customers(filter: $filter) { data { " + fields + " } } }",
                        Map.of("filter", "tags==" + tag))
                .body("errors", nullValue())
                .body("data.customers.data", hasSize(2))
                .extract()
                .path("data.customers.data");

        assertThat(alone)
                .isEqualTo(page.stream()
                        .filter(c -> id.equals(c.get("id")))
                        .findFirst()
                        .orElseThrow());
        assertThat(alone.get("recentPurchases"))
                .as("newest first, at most the limit")
                .isEqualTo(List.of(Map.of("orderRef", "ORD-3"), Map.of("orderRef", "ORD-2")));
        assertThat(alone.get("recentInteractions"))
                .isEqualTo(List.of(Map.of("summary", "Call 3"), Map.of("summary", "Call 2")));
        assertThat(alone.get("stats"))
                .isEqualTo(Map.of(
                        "purchaseCount", 3, "lifetimeValue", List.of(Map.of("amount", 6.0f, "currency", "EUR"))));
    }

    @Test
    void nestedCollectionsAreBatchedWhateverThePageSize() {
        String tag = CustomerFixtures.uniqueTag();
        for (int i = 0; i < 12; i++) {
            String id = aCustomer().with("tags", List.of(tag)).create();
            recordPurchase(id, "ORD-" + i, "1.00");
            logInteraction(id, "Hello " + i);
        }
        int forTwo = statementsFor(tag, 2);
        int forTwelve = statementsFor(tag, 12);

        assertThat(forTwo).as("statements are counted at all").isPositive();
        assertThat(forTwelve).as("SQL statements for 12 customers vs 2").isEqualTo(forTwo);
        assertThat(forTwelve)
                .as("one list query plus one per nested collection")
                .isEqualTo(4);
    }

    @Test
    void domainErrorsCarryTheProblemCode() {
        graphql("query { customer(id: \"00000000-0000-7000-8000-000000000000\") { id } }", Map.of())
                .body("data.customer", nullValue())
                .body("errors[0].extensions.code", equalTo("not-found"))
                .body("errors[0].extensions.requestId", org.hamcrest.Matchers.notNullValue());
        graphql("query { customers(filter: \"nosuchfield==1\") { hasMore } }", Map.of())
                .body("errors[0].extensions.code", equalTo("invalid-filter"));
    }

    @Test
    void updateMutationAppliesAMergePatchAndChecksTheVersion() {
        String id = aCustomer().create();
        String mutation = """
                mutation($id: ID!, $patch: String!, $version: BigInteger) {
                  updateCustomer(id: $id, patch: $patch, ifMatchVersion: $version) { familyName version }
                }
                """;
        graphql(mutation, Map.of("id", id, "patch", "{\"familyName\": \"Byron\"}", "version", 0))
                .body("errors", nullValue())
                .body("data.updateCustomer.familyName", equalTo("Byron"))
                .body("data.updateCustomer.version", equalTo(1));
        graphql(mutation, Map.of("id", id, "patch", "{\"familyName\": \"King\"}", "version", 0))
                .body("errors[0].extensions.code", equalTo("precondition-failed"));
    }

    private int statementsFor(String tag, int limit) {
        var counted = SqlStatementCounter.count(
                CustomerGraphQLTest::touchesCustomerData,
                () -> graphql(PAGE_360, Map.of("filter", "tags==" + tag, "limit", limit))
                        .body("errors", nullValue())
                        .body("data.customers.data", hasSize(limit))
                        .body("data.customers.data[0].recentPurchases", hasSize(1))
                        .body("data.customers.data[0].stats.purchaseCount", equalTo(1)));
        return counted.statements();
    }

    /**
     * The API's reads of customer data; not the segment engine's, which follows the events of the customers just
     * written (their facts, their memberships) while the page is read, nor the loyalty engine's and jobs', which look
     * for the accounts of customers who just purchased (the page asks for no loyalty part).
     */
    private static boolean touchesCustomerData(String sql) {
        String text = sql.toLowerCase(java.util.Locale.ROOT);
        boolean engine =
                text.contains("c.deleted_at is null, ") || text.contains("segment") || text.contains("loyalty_");
        return !engine && (text.contains("customer") || text.contains("purchase") || text.contains("interaction"));
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
