package dev.rapport.event;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.customer.CustomerFixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent")
class EventFeedTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void returnsEveryEventOnceInOrderAcrossPages() {
        String start = latestCursor();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(aCustomer().create());
        }
        CustomerFixtures.recordPurchase(created.get(0), "ORD-FEED", "3.00");

        List<Map<String, Object>> events = readAll(start, "customer.*", 2);
        assertThat(events).extracting(e -> e.get("subjectId")).containsExactlyElementsOf(created);
        assertThat(events).extracting(e -> e.get("type")).containsOnly("customer.created");
        assertThat(readAll(start, "purchase.recorded", 10)).singleElement()
                .satisfies(e -> assertThat(e.get("subjectId")).isEqualTo(created.get(0)));
        assertThat(readAll(start, null, 100)).hasSize(6);
    }

    @Test
    void anEventThatCommitsLateIsNotSkipped() throws Exception {
        String start = latestCursor();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            UUID lateSubject = UUID.randomUUID();
            try (PreparedStatement insert = slow.prepareStatement("""
                    insert into event (id, type, subject_type, subject_id, payload)
                    values (?, 'customer.deleted', 'customer', ?, '{}'::jsonb)
                    """)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, lateSubject);
                insert.executeUpdate();
            }
            // A later event commits first; while the earlier transaction runs, the feed holds both back.
            String early = aCustomer().create();
            assertThat(readAll(start, null, 100)).isEmpty();

            slow.commit();
            assertThat(readAll(start, null, 100)).extracting(e -> e.get("subjectId"))
                    .containsExactly(lateSubject.toString(), early);
        }
    }

    @Test
    void badCursorsAndTypesAreProblems() {
        given().queryParam("after", "nonsense!").when().get("/v1/events").then()
                .statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("types", "Customer Created").when().get("/v1/events").then()
                .statusCode(400).body("errors[0].field", equalTo("types"));
    }

    @Test
    @TestSecurity(user = "acme-sync", roles = { "events:read", "customers:write" },
            attributes = @SecurityAttribute(key = "partner_id", value = "acme"))
    void partnersReadOnlyTheEventsOfTheirRecords() throws Exception {
        String start = latestCursor();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into event (id, type, subject_type, subject_id, payload, partner_id)
                        values (?, 'customer.created', 'customer', ?, '{}'::jsonb, 'globex')
                        """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.executeUpdate();
        }
        String own = aCustomer().create();
        assertThat(readAll(start, null, 100)).extracting(e -> e.get("subjectId")).containsExactly(own);
    }

    @Test
    void theFeedIsInGraphQLToo() {
        String start = latestCursor();
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of("query", "query($after: String) { events(after: $after) { nextCursor hasMore "
                        + "data { type subjectId data } } }", "variables", Map.of("after", start)))
                .when().post("/graphql").then()
                .body("errors", equalTo(null))
                .body("data.events.data[0].subjectId", equalTo(id))
                .body("data.events.data[0].data", org.hamcrest.Matchers.containsString(id))
                .body("data.events.nextCursor", notNullValue());
    }

    /** A cursor at the current end of the feed. */
    private static String latestCursor() {
        String cursor = null;
        while (true) {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.when().get("/v1/events").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
    }

    private static List<Map<String, Object>> readAll(String after, String types, int limit) {
        List<Map<String, Object>> events = new ArrayList<>();
        String cursor = after;
        for (int pages = 0; pages < 50; pages++) {
            var request = given().queryParam("limit", limit).queryParam("after", cursor);
            if (types != null) {
                request.queryParam("types", types);
            }
            JsonPath page = request.when().get("/v1/events").then().statusCode(200).extract().jsonPath();
            events.addAll(page.getList("data"));
            String next = page.getString("nextCursor");
            assertThat(next).isNotNull();
            cursor = next;
            if (!page.getBoolean("hasMore")) {
                break;
            }
        }
        return events;
    }
}
