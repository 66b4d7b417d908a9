package dev.rapport.segment;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
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

/** Segments in GraphQL: the same rules, members and errors as REST, nested fields batched. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class SegmentGraphQLTest {

    @Test
    void defineASegmentAndReadItsMembersAndACustomersSegments() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();

        String id = graphql("""
                        mutation($input: SegmentInput!) {
                          createSegment(input: $input) { id name kind rule ruleVersion status }
                        }
                        """, Map.of("input", Map.of("name", "Tagged", "kind", "dynamic", "rule", "tags==" + tag)))
                .body("errors", nullValue())
                .body("data.createSegment.status", equalTo("computing"))
                .extract()
                .path("data.createSegment.id");
        SegmentFixtures.awaitReady(id);

        graphql("""
                query($id: ID!, $customer: ID!) {
                  segment(id: $id) {
                    name memberCount
                    members(limit: 10) { hasMore data { since customer { id givenName } } }
                  }
                  customer(id: $customer) { segments { segmentId segmentName } }
                }
                """, Map.of("id", id, "customer", customer))
                .body("errors", nullValue())
                .body("data.segment.memberCount", equalTo(1))
                .body("data.segment.members.data.customer.id", contains(customer))
                .body("data.customer.segments.segmentName", contains("Tagged"));

        graphql("""
                query($rule: String!) { segmentPreview(rule: $rule) { count sample { id } } }
                """, Map.of("rule", "tags==" + tag))
                .body("data.segmentPreview.count", equalTo(1))
                .body("data.segmentPreview.sample.id", contains(customer));
    }

    @Test
    void aBadRuleIsTheSameErrorAsInRest() {
        graphql("""
                        mutation { createSegment(input: {name: "Bad", kind: "dynamic", rule: "shoeSize==42"}) { id } }
                        """, Map.of())
                .body("data.createSegment", nullValue())
                .body("errors[0].extensions.code", equalTo("invalid-filter"))
                .body("errors[0].extensions.errors[0].field", equalTo("rule"));
    }

    @Test
    void aStaticListTakesOneToAThousandIdsAsInRest() {
        String segment = SegmentFixtures.aStaticSegment().create();
        String customer = aCustomer().create();
        graphql("""
                        mutation($id: ID!, $ids: [String!]!) { addSegmentMembers(id: $id, customerIds: $ids) { changed } }
                        """, Map.of("id", segment, "ids", List.of()))
                .body("errors[0].extensions.code", equalTo("validation-failed"))
                .body("errors[0].extensions.errors[0].field", equalTo("customerIds"));
        graphql("""
                        mutation($id: ID!, $ids: [String!]!) {
                          addSegmentMembers(id: $id, customerIds: $ids) { changed memberCount }
                        }
                        """, Map.of("id", segment, "ids", List.of(customer)))
                .body("errors", nullValue())
                .body("data.addSegmentMembers.changed", equalTo(1))
                .body("data.addSegmentMembers.memberCount", equalTo(1));
    }

    @Test
    void aPageOfSegmentsWithTheirMembersCostsOneQueryForTheMembers() {
        String tag = uniqueTag();
        for (int i = 0; i < 3; i++) {
            aCustomer().with("tags", List.of(tag)).create();
        }
        for (int i = 0; i < 3; i++) {
            SegmentFixtures.aDynamicSegment("tags==" + tag).createReady();
        }
        var counted = SqlStatementCounter.count(
                sql -> sql.contains("segment_member"),
                () -> graphql("""
                                query { segments(limit: 3) { data { id members(limit: 5) { data { customerId } } } } }
                                """, Map.of())
                        .body("errors", nullValue())
                        .body("data.segments.data", hasSize(3))
                        .body("data.segments.data[0].members.data", hasSize(3)));
        org.assertj.core.api.Assertions.assertThat(counted.statements()).isEqualTo(1);
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
