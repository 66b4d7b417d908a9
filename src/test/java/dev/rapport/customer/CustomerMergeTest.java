package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.lead.LeadFixtures;
import dev.rapport.loyalty.LoyaltyFixtures;
import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import dev.rapport.segment.SegmentFixtures;
import dev.rapport.survey.SurveyFixtures;
import dev.rapport.ticket.TicketFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Merging a duplicate: every domain's records move, the old id answers with the survivor, nothing is lost. */
@QuarkusTest
@TestSecurity(user = "manager-mia", roles = "manager", augmentors = RolePermissions.class)
class CustomerMergeTest {

    @Inject
    Database db;

    @Inject
    CustomerMergeService merges;

    /** Every column that holds a customer's id (by name or by foreign key) is handled by some domain's merge step. */
    @Test
    void everyTableThatReferencesCustomersIsCoveredByAMergeStep() {
        var columns = db.columnsHoldingCustomerIds();

        assertThat(columns).contains("purchase.customer_id", "ticket.customer_id", "loyalty_account.customer_id");
        assertThat(merges.handledColumns()).containsAll(columns);
    }

    @Test
    void aMergeMovesEveryDomainsRecordsAndTheMergedIdStillAnswers() {
        String digits = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        String survivor = aCustomer()
                .with("givenName", "Ada")
                .with("phones", List.of(Map.of("number", "+44 7400 " + digits)))
                .create();
        String duplicate = aCustomer()
                .with("givenName", "Augusta")
                .with("birthday", "1985-12-10")
                .with("phones", List.of(Map.of("number", "+44 (0)7400-" + digits)))
                .with("consents", Map.of("email", Map.of("granted", true)))
                .create();
        String duplicateEmail =
                given().get("/v1/customers/" + duplicate).then().extract().path("emails[0].address");

        CustomerFixtures.recordPurchase(survivor, "ORD-1", "10.00");
        CustomerFixtures.recordPurchase(duplicate, "ORD-1", "5.00");
        CustomerFixtures.recordPurchase(duplicate, "ORD-2", "7.50");
        CustomerFixtures.logInteraction(duplicate, "Called about a parcel");
        String ticket = TicketFixtures.aTicketFor(duplicate).create();
        String lead = LeadFixtures.aLead("merge").create();
        LeadFixtures.convert(lead, Map.of("customerId", duplicate)).statusCode(200);
        String shared = LoyaltyFixtures.aProgram().create();
        String onlyDuplicates = LoyaltyFixtures.aProgram().create();
        String survivorAccount = LoyaltyFixtures.enroll(shared, survivor)
                .statusCode(201)
                .extract()
                .path("id");
        String duplicateAccount = LoyaltyFixtures.enroll(shared, duplicate)
                .statusCode(201)
                .extract()
                .path("id");
        String movedAccount = LoyaltyFixtures.enroll(onlyDuplicates, duplicate)
                .statusCode(201)
                .extract()
                .path("id");
        LoyaltyFixtures.posted(survivorAccount, "earn", 100);
        LoyaltyFixtures.posted(duplicateAccount, "earn", 40);
        String survey = SurveyFixtures.anNpsSurvey().create();
        String token = SurveyFixtures.tokenFor(survey, duplicate);
        SurveyFixtures.answer(token, List.of(SurveyFixtures.score("score", 9)), true)
                .statusCode(200);
        String list = SegmentFixtures.aStaticSegment().createReady();
        given().contentType(ContentType.JSON)
                .body(Map.of("customerIds", List.of(duplicate)))
                .post("/v1/segments/" + list + "/members")
                .then()
                .statusCode(200);

        long interactions = db.count("select count(*) from interaction where customer_id = cast(? as uuid)", duplicate);

        JsonPath merged = merge(
                        survivor,
                        Map.of(
                                "duplicateId",
                                duplicate,
                                "fromDuplicate",
                                List.of("givenName"),
                                "primaryEmail",
                                duplicateEmail))
                .statusCode(200)
                .body("survivorId", equalTo(survivor))
                .body("mergedId", equalTo(duplicate))
                .body("survivor.givenName", equalTo("Augusta"))
                .body("survivor.birthday", equalTo("1985-12-10"))
                .body("survivor.emails.find { it.primary }.address", equalTo(duplicateEmail))
                .body("survivor.phones.number", containsInAnyOrder("+447400" + digits))
                .extract()
                .jsonPath();
        Map<String, Integer> moved = counts(merged);
        assertThat(moved)
                .containsEntry("purchase", 2)
                .containsEntry("interaction", (int) interactions)
                .containsEntry("ticket", 1)
                .containsEntry("lead", 1)
                .containsEntry("loyalty_account", 1)
                .containsEntry("loyalty_entry", 1)
                .containsEntry("survey_distribution", 1)
                .containsEntry("survey_response", 1)
                .containsEntry("segment_member", 1);

        // the merged id answers with the survivor, and points at it
        given().when()
                .get("/v1/customers/" + duplicate)
                .then()
                .statusCode(200)
                .header("Content-Location", "/v1/customers/" + survivor)
                .body("id", equalTo(survivor));
        given().when()
                .get("/v1/customers/" + survivor + "/purchases")
                .then()
                .statusCode(200)
                .body("data.orderRef", containsInAnyOrder("ORD-1", "ORD-1 (merged from " + duplicate + ")", "ORD-2"));
        given().when()
                .get("/v1/customers/" + survivor + "?expand=stats")
                .then()
                .body("stats.purchaseCount", equalTo(3));
        given().when().get("/v1/tickets/" + ticket).then().statusCode(200).body("customerId", equalTo(survivor));
        given().when().get("/v1/leads/" + lead).then().statusCode(200).body("customerId", equalTo(survivor));
        assertThat(LoyaltyFixtures.balance(survivorAccount)).isEqualTo(140);
        assertThat(LoyaltyFixtures.ledgerSum(survivorAccount)).isEqualTo(140);
        assertThat(LoyaltyFixtures.balance(duplicateAccount)).isZero();
        given().when()
                .get("/v1/loyalty/accounts/" + movedAccount)
                .then()
                .statusCode(200)
                .body("customerId", equalTo(survivor));
        assertThat(db.count("select count(*) from survey_response where customer_id = cast(? as uuid)", survivor))
                .isEqualTo(1);
        SegmentFixtures.awaitMembers(list, survivor);
        assertThat(db.string(
                        "select payload ->> 'mergedId' from event where type = 'customer.merged' and subject_id = cast(? as uuid)",
                        survivor))
                .isEqualTo(duplicate);
        given().when()
                .get("/v1/customers/" + survivor + "/duplicates")
                .then()
                .statusCode(200)
                .body("customerId", org.hamcrest.Matchers.not(hasItem(duplicate)));

        // repeating answers what it did; another survivor for the same duplicate is a conflict
        merge(survivor, Map.of("duplicateId", duplicate))
                .statusCode(200)
                .body("mergedId", equalTo(duplicate))
                .body("moved.find { it.table == 'purchase' }.count", equalTo(2));
        String other = aCustomer().create();
        merge(other, Map.of("duplicateId", duplicate)).statusCode(409).body("code", equalTo("conflict"));
    }

    @Test
    void aMergeIntoADeletedCustomerOrOfItselfIsAProblem() {
        String gone = aCustomer().create();
        String duplicate = aCustomer().create();
        given().when().delete("/v1/customers/" + gone).then().statusCode(204);

        merge(gone, Map.of("duplicateId", duplicate))
                .statusCode(409)
                .body("detail", equalTo("Customer " + gone + " is deleted: merge into a live customer"));
        merge(duplicate, Map.of("duplicateId", gone)).statusCode(400).body("errors[0].field", equalTo("duplicateId"));
        merge(duplicate, Map.of("duplicateId", duplicate))
                .statusCode(400)
                .body("errors[0].message", equalTo("is the customer itself"));
        merge(duplicate, Map.of("duplicateId", aCustomer().create(), "fromDuplicate", List.of("emails")))
                .statusCode(400)
                .body("errors[0].field", equalTo("fromDuplicate[0]"));
        java.util.List<Object> withNull = new java.util.ArrayList<>();
        withNull.add(null);
        merge(duplicate, Map.of("duplicateId", aCustomer().create(), "fromDuplicate", withNull))
                .statusCode(400)
                .body("errors[0].field", equalTo("fromDuplicate[0]"));
        given().when().get("/v1/customers/" + duplicate).then().statusCode(200).body("id", equalTo(duplicate));
    }

    @Test
    @TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
    void onlyCallersWhoMayDeleteCustomersMerge() {
        String survivor = aCustomer().create();
        merge(survivor, Map.of("duplicateId", aCustomer().create())).statusCode(403);
    }

    @Test
    void graphqlMergesToo() {
        String survivor = aCustomer().create();
        String duplicate = aCustomer().with("givenName", "Augusta").create();
        CustomerFixtures.recordPurchase(duplicate, "ORD-G", "3.00");

        CustomerGraphQLTest.graphql("""
                mutation($id: ID!, $input: MergeCustomerInput!) {
                  mergeCustomers(id: $id, input: $input) { survivorId mergedId moved { table count } survivor { id } }
                }
                """, Map.of("id", survivor, "input", Map.of("duplicateId", duplicate)))
                .body("errors", org.hamcrest.Matchers.nullValue())
                .body("data.mergeCustomers.mergedId", equalTo(duplicate))
                .body("data.mergeCustomers.moved.find { it.table == 'purchase' }.count", equalTo(1));
        CustomerGraphQLTest.graphql("query($id: ID!) { customer(id: $id) { id } }", Map.of("id", duplicate))
                .log()
                .body()
                .body("data.customer.id", equalTo(survivor));
    }

    private static ValidatableResponse merge(String survivor, Map<String, Object> request) {
        return given().contentType(ContentType.JSON)
                .body(request)
                .when()
                .post("/v1/customers/" + survivor + "/merge")
                .then();
    }

    private static Map<String, Integer> counts(JsonPath merge) {
        List<Map<String, Object>> moved = merge.getList("moved");
        return moved.stream().collect(java.util.stream.Collectors.toMap(m -> (String) m.get("table"), m ->
                (Integer) m.get("count")));
    }
}
