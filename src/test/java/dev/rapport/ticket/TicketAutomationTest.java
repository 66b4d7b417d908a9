package dev.rapport.ticket;

import static dev.rapport.automation.TriggerFixtures.anEventTrigger;
import static dev.rapport.automation.TriggerFixtures.awaitFinishedRuns;
import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.recordPurchase;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.rapport.automation.TriggerFixtures;
import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Tickets in automations: a trigger's createTicket action, and ticket facts in conditions. */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class TicketAutomationTest {

    @Inject
    Database database;

    @AfterEach
    void disableTriggers() {
        TriggerFixtures.disableAll(database);
    }

    @Test
    void aTriggerOpensATicketWrittenFromTheEventForACustomerWithoutOpenTickets() {
        String tag = uniqueTag();
        String customer = aCustomer().with("tags", List.of(tag)).create();
        String trigger = anEventTrigger("purchase.recorded")
                .with("condition", "tags==" + tag + ";openTickets==0")
                .action(
                        "createTicket",
                        Map.of(
                                "subject", "Check order {{data.orderRef}} ({{type}})",
                                "priority", "high",
                                "team", "sales",
                                "message", "Amount {{data.amount}} {{data.currency}}"))
                .create();

        recordPurchase(customer, "ORD-7", "250.00");
        awaitFinishedRuns(trigger, 1);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "event",
                        Map.of(
                                "type",
                                "purchase.recorded",
                                "customerId",
                                customer,
                                "data",
                                Map.of("orderRef", "ORD-8"))))
                .when()
                .post("/v1/triggers/" + trigger + "/test")
                .then()
                .statusCode(200)
                .body("fires", equalTo(false))
                .body("conditionsFailed", hasItem("openTickets==0"));

        JsonPath tickets = given().queryParam("filter", "customerId==" + customer)
                .when()
                .get("/v1/tickets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(tickets.getList("data.subject")).containsExactly("Check order ORD-7 (purchase.recorded)");
        assertThat(tickets.getString("data[0].priority")).isEqualTo("high");
        assertThat(tickets.getString("data[0].team")).isEqualTo("sales");
        given().when()
                .get("/v1/tickets/" + tickets.getString("data[0].id") + "/messages")
                .then()
                .body("data.bodyText", hasItem("Amount 250.0 EUR"))
                .body("data.visibility", hasItem("internal"));
        JsonPath runs = TriggerFixtures.runs(trigger);
        assertThat(runs.getList("data.status")).contains("succeeded");
    }

    @Test
    void aBadCreateTicketSettingIsAProblemNamingIt() {
        anEventTrigger("purchase.recorded")
                .action("createTicket", Map.of("subject", "Hi", "priority", "asap"))
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("actions[0].settings.priority"));
        anEventTrigger("purchase.recorded")
                .action("createTicket", Map.of("priority", "low"))
                .post()
                .statusCode(400)
                .body("errors.field", hasItem("actions[0].settings.subject"));
    }
}
