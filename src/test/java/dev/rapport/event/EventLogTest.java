package dev.rapport.event;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Every committed write has exactly one event, written in its transaction; a rolled-back write has none. */
@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class EventLogTest {

    @Inject
    Database db;

    @Test
    void aCommittedCreateHasExactlyOneEventWithThePayloadAndActor() {
        String id = aCustomer().create();
        UUID subject = UUID.fromString(id);

        assertThat(db.count("select count(*) from event where subject_id = ?", subject))
                .isEqualTo(1);
        assertThat(db.string("select type from event where subject_id = ?", subject))
                .isEqualTo("customer.created");
        assertThat(db.string("select payload ->> 'id' from event where subject_id = ?", subject))
                .isEqualTo(id);
        assertThat(db.string("select actor from event where subject_id = ?", subject))
                .isEqualTo("agent-alice");
    }

    @Test
    void anUpdateRecordsTheChangedFields() {
        String id = aCustomer().create();
        given().contentType("application/merge-patch+json")
                .body(Map.of("familyName", "Byron", "givenName", "Ada"))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(200);

        assertThat(db.string(
                        "select payload -> 'changedFields' from event where subject_id = ? and type = ?",
                        UUID.fromString(id),
                        "customer.updated"))
                .isEqualTo("[\"familyName\"]");
    }

    @Test
    void failedWritesLeaveNoEvent() {
        String email = "taken." + dev.rapport.customer.CustomerFixtures.uniqueTag() + "@example.com";
        String taken = given().contentType(ContentType.JSON)
                .header("X-Request-Id", requestId("taken"))
                .body(aCustomer().email(email).body())
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String other = aCustomer().create();
        String failedCreate = requestId("failed-create");
        String failedPatch = requestId("failed-patch");

        given().contentType(ContentType.JSON)
                .header("X-Request-Id", failedCreate)
                .body(aCustomer().email(email).body())
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(409);
        given().contentType("application/merge-patch+json")
                .header("X-Request-Id", failedPatch)
                .body(Map.of("emails", List.of(Map.of("address", email))))
                .when()
                .patch("/v1/customers/" + other)
                .then()
                .statusCode(409);

        assertThat(eventsOfRequests(failedCreate, failedPatch)).isZero();
        assertThat(db.count("select count(*) from event where payload::text like ?", "%" + email + "%"))
                .as("the events that name the address: the one customer that has it")
                .isEqualTo(1);
        assertThat(db.count("select count(*) from event where subject_id = ?", UUID.fromString(other)))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from event where subject_id = ?", UUID.fromString(taken)))
                .isEqualTo(1);
    }

    @Test
    void anEventIsFoundByTheRequestThatWroteIt() {
        String request = requestId("write");
        String id = given().contentType(ContentType.JSON)
                .header("X-Request-Id", request)
                .body(aCustomer().body())
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(eventsOfRequests(request)).isEqualTo(1);
        assertThat(db.string(
                        "select e.subject_id::text from event e join audit_entry a on a.id = e.id "
                                + "where a.request_id = ?",
                        request))
                .isEqualTo(id);
    }

    /** Events written by these requests: an event and its audit entry share their id, the entry names the request. */
    private long eventsOfRequests(String... requestIds) {
        long events = 0;
        for (String requestId : requestIds) {
            events += db.count(
                    "select count(*) from event e join audit_entry a on a.id = e.id " + "where a.request_id = ?",
                    requestId);
        }
        return events;
    }

    private static String requestId(String what) {
        return "event-log-" + what + "-" + UUID.randomUUID();
    }

    @Test
    void writesThatRollBackAtCommitLeaveNoEvent() {
        // Concurrent purchases with one order reference all pass the service's duplicate check and append their
        // event; the unique constraint lets one transaction commit and rolls the others back with their events.
        String id = aCustomer().create();
        List<Integer> statuses = Concurrently.run(
                6,
                n -> given().contentType(ContentType.JSON)
                        .body(Map.of("orderRef", "RACE-1", "amount", "10.00", "currency", "EUR"))
                        .when()
                        .post("/v1/customers/" + id + "/purchases")
                        .then()
                        .extract()
                        .statusCode());

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        UUID subject = UUID.fromString(id);
        assertThat(db.count("select count(*) from purchase where customer_id = ?", subject))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from event where subject_id = ? and type = 'purchase.recorded'", subject))
                .isEqualTo(1);
    }
}
