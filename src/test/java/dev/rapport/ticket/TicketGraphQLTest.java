package dev.rapport.ticket;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.uniqueTag;
import static dev.rapport.ticket.TicketFixtures.aTicketFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.SqlStatementCounter;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Tickets in GraphQL: the same rules and codes as REST, and nested fields that cost one statement each. */
@QuarkusTest
@TestSecurity(user = "ana.agent", roles = "agent", augmentors = RolePermissions.class)
class TicketGraphQLTest {

    private static final String CUSTOMERS_WITH_TICKETS = """
            query($filter: String, $limit: Int!) {
              customers(filter: $filter, limit: $limit) {
                data { id tickets { openCount recent { number status messages(limit: 5) { bodyText } history { to } } } }
              }
            }
            """;

    @Test
    void aTicketIsOpenedAnsweredAndReadWithItsMessagesHistoryAndSla() {
        String customer = aCustomer().create();
        String id = graphql(
                        """
                        mutation($input: TicketInput!) {
                          createTicket(input: $input) { id number status priority attributes }
                        }
                        """,
                        Map.of(
                                "input",
                                Map.of(
                                        "customerId", customer,
                                        "subject", "Parcel lost",
                                        "priority", "urgent",
                                        "attributes", "{\"orderRef\": \"A-17\"}",
                                        "message", Map.of("authorType", "requester", "bodyText", "Where is it?"))))
                .body("errors", nullValue())
                .body("data.createTicket.number", matchesPattern("T-[0-9]+"))
                .body("data.createTicket.attributes", equalTo("{\"orderRef\":\"A-17\"}"))
                .extract()
                .path("data.createTicket.id");
        graphql("""
                        mutation($id: ID!) {
                          addTicketMessage(ticketId: $id, input: { bodyText: "We are looking" }) { authorType }
                        }
                        """, Map.of("id", id))
                .body("errors", nullValue())
                .body("data.addTicketMessage.authorType", equalTo("agent"));
        graphql("""
                        query($id: ID!) {
                          ticket(id: $id) {
                            status messages { authorType bodyText } history { from to } sla { clocks { metric } }
                          }
                        }
                        """, Map.of("id", id))
                .body("errors", nullValue())
                .body("data.ticket.status", equalTo("open"))
                .body("data.ticket.messages.bodyText", equalTo(List.of("Where is it?", "We are looking")))
                .body("data.ticket.history.to", equalTo(List.of("new", "open")));
        graphql("""
                        mutation($id: ID!) { updateTicket(id: $id, patch: "{\\"status\\": \\"new\\"}") { status } }
                        """, Map.of("id", id)).body("errors[0].extensions.code", equalTo("conflict"));
    }

    @Test
    void customersWithTheirTicketsCostTheSameStatementsForTwoOrTwelve() {
        String tag = uniqueTag();
        for (int i = 0; i < 12; i++) {
            String customer = aCustomer().with("tags", List.of(tag)).create();
            String ticket = aTicketFor(customer)
                    .with("message", Map.of("authorType", "requester", "bodyText", "Hello " + i))
                    .create();
            aTicketFor(customer).with("status", "open").create();
            TicketFixtures.moveTo(ticket, "solved").statusCode(200);
        }
        int forTwo = statementsFor(tag, 2);
        int forTwelve = statementsFor(tag, 12);
        assertThat(forTwo).as("statements are counted at all").isPositive();
        assertThat(forTwelve).as("statements for 12 customers vs 2").isEqualTo(forTwo);
        assertThat(forTwelve)
                .as("open counts, recent tickets, their messages, their history")
                .isEqualTo(4);

        given().queryParam("filter", "tags==" + tag + ";openTickets==1")
                .queryParam("expand", "tickets")
                .queryParam("limit", 2)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .body("data", hasSize(2))
                .body("data[0].tickets.openCount", equalTo(1))
                .body("data[0].tickets.recent", hasSize(2));
    }

    @Test
    @TestSecurity(
            user = "carl.customers",
            roles = {"customers:read", "customers:write", "partners:all"})
    void theTicketsOfACustomerNeedTicketPermission() {
        String customer = aCustomer().create();
        given().queryParam("expand", "tickets")
                .when()
                .get("/v1/customers/" + customer)
                .then()
                .statusCode(403);
    }

    private int statementsFor(String tag, int limit) {
        return SqlStatementCounter.count(
                        TicketGraphQLTest::readsTickets,
                        () -> graphql(CUSTOMERS_WITH_TICKETS, Map.of("filter", "tags==" + tag, "limit", limit))
                                .body("errors", nullValue())
                                .body("data.customers.data", hasSize(limit))
                                .body("data.customers.data[0].tickets.openCount", equalTo(1))
                                .body("data.customers.data[0].tickets.recent[1].messages", hasSize(1))
                                .body(
                                        "data.customers.data[0].tickets.recent[1].history.to",
                                        equalTo(List.of("new", "solved"))))
                .statements();
    }

    /** The API's reads of tickets and messages; not the SLA scheduler's polls, nor facts read by engines. */
    private static boolean readsTickets(String sql) {
        String text = sql.toLowerCase(Locale.ROOT);
        return text.contains("ticket") && !text.contains("ticket_sla_clock") && !text.contains("ticket_customer_facts");
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
