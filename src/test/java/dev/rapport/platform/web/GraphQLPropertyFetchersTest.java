package dev.rapport.platform.web;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.recordPurchase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * View properties are served by {@link GraphQLPropertyFetchers}, and read through GraphQL exactly as REST writes
 * them: scalars with a format (dates, date-times, amounts), lists, nested objects.
 */
@QuarkusTest
@TestSecurity(user = "alice.agent", roles = "agent", augmentors = RolePermissions.class)
class GraphQLPropertyFetchersTest {

    @Inject
    GraphQLSchema schema;

    @Test
    void viewPropertiesAreServedByTheLeanFetcherAndOperationsBySmallRyes() {
        GraphQLObjectType customer = schema.getObjectType("Customer");

        assertThat(schema.getCodeRegistry().getDataFetcher(customer, customer.getFieldDefinition("givenName")))
                .isInstanceOf(GraphQLPropertyFetchers.PropertyFetcher.class);
        assertThat(schema.getCodeRegistry().getDataFetcher(customer, customer.getFieldDefinition("recentPurchases")))
                .isNotInstanceOf(GraphQLPropertyFetchers.PropertyFetcher.class);
    }

    @Test
    void propertiesReadTheSameThroughGraphQLAsThroughRest() {
        String id = aCustomer()
                .with("birthday", "1985-12-10")
                .with("tags", List.of("vip", "poet"))
                .with("attributes", Map.of("score", 42))
                .with("phones", List.of(Map.of("number", "+442071234567")))
                .create();
        recordPurchase(id, "ORD-1", "10.50");
        JsonPath rest = given().when()
                .get("/v1/customers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        JsonPath graphql = given().contentType(ContentType.JSON)
                .body(Map.of("query", """
                        query($id: ID!) {
                          customer(id: $id) {
                            id givenName familyName birthday createdAt updatedAt tags attributes version
                            emails { address primary } phones { number primary type valid }
                            recentPurchases { orderRef amount currency occurredAt }
                          }
                        }
                        """, "variables", Map.of("id", id)))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue())
                .extract()
                .jsonPath()
                .setRootPath("data.customer");

        for (String field : List.of(
                "id", "givenName", "familyName", "birthday", "createdAt", "updatedAt", "tags", "emails", "phones")) {
            assertThat(graphql.<Object>get(field))
                    .as(field)
                    .isEqualTo(rest.get(field))
                    .isNotNull();
        }
        assertThat(graphql.getString("attributes")).isEqualTo("{\"score\":42}");
        assertThat(graphql.getString("recentPurchases[0].orderRef")).isEqualTo("ORD-1");
        assertThat(graphql.<Object>get("recentPurchases[0].amount")).isEqualTo(10.5f);
        assertThat(graphql.getString("recentPurchases[0].currency")).isEqualTo("EUR");
        assertThat(graphql.getString("recentPurchases[0].occurredAt")).isNotBlank();
    }
}
