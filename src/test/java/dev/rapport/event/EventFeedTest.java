package dev.rapport.event;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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
import dev.rapport.platform.Database;
import dev.rapport.platform.paging.Cursor;
import dev.rapport.platform.security.RolePermissions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class EventFeedTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Database database;

    @Test
    void returnsEveryEventOnceInOrderAcrossPages() throws Exception {
        String start = latestCursor();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(aCustomer().create());
        }
        CustomerFixtures.recordPurchase(created.get(0), "ORD-FEED", "3.00");

        List<Map<String, Object>> events = about(created, readAll(start, "customer.*", 2));
        assertThat(events).extracting(e -> e.get("subjectId")).containsExactlyElementsOf(created);
        assertThat(events).extracting(e -> e.get("type")).containsOnly("customer.created");
        assertThat(about(created, readAll(start, "purchase.recorded", 10)))
                .singleElement()
                .satisfies(e -> assertThat(e.get("subjectId")).isEqualTo(created.get(0)));
        assertThat(about(created, readAll(start, null, 100))).hasSize(6);
    }

    @Test
    void anEventThatCommitsLateIsNotSkipped() throws Exception {
        String start = latestCursor();
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            UUID lateSubject = appendEvent(slow);
            // A later event commits first; while the earlier transaction runs, the feed holds both back.
            String early = aCustomer().create();
            List<String> own = List.of(lateSubject.toString(), early);
            assertThat(about(own, readAll(start, null, 100))).isEmpty();

            slow.commit();
            assertThat(about(own, readAll(start, null, 100)))
                    .extracting(e -> e.get("subjectId"))
                    .containsExactly(lateSubject.toString(), early);
        }
    }

    @Test
    void aTransactionThatBeganFirstButAppendsLastIsNotSkipped() throws Exception {
        String start = latestCursor();
        try (Connection began = dataSource.getConnection();
                Connection appendsFirst = dataSource.getConnection()) {
            began.setAutoCommit(false);
            appendsFirst.setAutoCommit(false);
            try (var xid = began.createStatement()) {
                xid.execute("select pg_current_xact_id()");
            }
            UUID appendedFirst = appendEvent(appendsFirst);
            // Takes the higher sequence number, yet commits first.
            UUID appendedLast = appendEvent(began);
            began.commit();
            List<String> own = List.of(appendedFirst.toString(), appendedLast.toString());

            List<Map<String, Object>> beforeCommit = about(own, readAll(start, null, 100));
            assertThat(beforeCommit).extracting(e -> e.get("subjectId")).containsExactly(appendedLast.toString());
            String next = endOfFeed(start);

            appendsFirst.commit();
            assertThat(about(own, readAll(next, null, 100)))
                    .extracting(e -> e.get("subjectId"))
                    .containsExactly(appendedFirst.toString());
        }
    }

    @Test
    void aCursorFromBeforeTheFeedKeptTransactionOrderStillResumes() throws Exception {
        String start = latestCursor();
        String first = aCustomer().create();
        String second = aCustomer().create();
        long firstSeq =
                Long.parseLong(database.string("select seq::text from event where subject_id = ?::uuid", first));
        String legacy = new Cursor("feed", Long.toString(firstSeq), new UUID(0, firstSeq)).encode();

        List<String> own = List.of(first, second);
        assertThat(about(own, readAll(legacy, null, 100)))
                .extracting(e -> e.get("subjectId"))
                .containsExactly(second);
        assertThat(about(own, readAll(start, null, 100)))
                .extracting(e -> e.get("subjectId"))
                .containsExactly(first, second);
    }

    @Test
    void transactionIdsOfDifferentLengthsAreReadInNumberOrder() throws Exception {
        // Read as text, transaction 10 would come before 9, and before every transaction of the tests.
        UUID ninth;
        UUID tenth;
        try (Connection c = dataSource.getConnection()) {
            ninth = appendEvent(c, 9);
            tenth = appendEvent(c, 10);
        }
        try {
            assertThat(given().queryParam("limit", 2)
                            .when()
                            .get("/v1/events")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("data.subjectId"))
                    .containsExactly(ninth.toString(), tenth.toString());
        } finally {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement delete = c.prepareStatement("delete from event where subject_id in (?, ?)")) {
                delete.setObject(1, ninth);
                delete.setObject(2, tenth);
                delete.executeUpdate();
            }
        }
    }

    /** Appends an event as if transaction {@code xactId} (long since ended) had written it. */
    private static UUID appendEvent(Connection connection, long xactId) throws Exception {
        UUID subject = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event (id, type, subject_type, subject_id, payload, xact_id)
                values (?, 'customer.deleted', 'customer', ?, '{}'::jsonb, ?::text::xid8)
                """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, subject);
            insert.setString(3, Long.toString(xactId));
            insert.executeUpdate();
        }
        return subject;
    }

    private static UUID appendEvent(Connection connection) throws Exception {
        UUID subject = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into event (id, type, subject_type, subject_id, payload)
                values (?, 'customer.deleted', 'customer', ?, '{}'::jsonb)
                """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, subject);
            insert.executeUpdate();
        }
        return subject;
    }

    @Test
    void badCursorsAndTypesAreProblems() {
        given().queryParam("after", "nonsense!")
                .when()
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().queryParam("types", "Customer Created")
                .when()
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("types"));
    }

    @Test
    @TestSecurity(
            user = "acme-sync",
            roles = {"events:read", "customers:write"},
            attributes = @SecurityAttribute(key = "partner_id", value = "acme"))
    void partnersReadOnlyTheEventsOfTheirRecords() throws Exception {
        String start = latestCursor();
        UUID globex = UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into event (id, type, subject_type, subject_id, payload, partner_id)
                        values (?, 'customer.created', 'customer', ?, '{}'::jsonb, 'globex')
                        """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, globex);
            insert.executeUpdate();
        }
        String own = aCustomer().create();
        assertThat(about(List.of(globex.toString(), own), readAll(start, null, 100)))
                .extracting(e -> e.get("subjectId"))
                .containsExactly(own);
    }

    @Test
    void theFeedIsInGraphQLToo() throws Exception {
        String start = latestCursor();
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "query",
                        "query($after: String) { events(after: $after, types: \"customer.created\", "
                                + "limit: 100) { nextCursor hasMore data { type subjectId data } } }",
                        "variables",
                        Map.of("after", start)))
                .when()
                .post("/graphql")
                .then()
                .body("errors", equalTo(null))
                .body(
                        "data.events.data.findAll { it.subjectId == '%s' }.type".formatted(id),
                        contains("customer.created"))
                .body(
                        "data.events.data.find { it.subjectId == '%s' }.data".formatted(id),
                        org.hamcrest.Matchers.containsString(id))
                .body("data.events.nextCursor", notNullValue());
    }

    /**
     * A cursor at the current end of the feed. Events of other tests may still follow it (those committed while a
     * background transaction was running appear once it has ended), so the tests look at their own subjects only.
     */
    private static String latestCursor() {
        return endOfFeed(null);
    }

    /** The cursor after the last event readable now, reading on from {@code after} (null: the oldest). */
    private static String endOfFeed(String after) {
        String cursor = after;
        for (int pages = 0; pages < 1000; pages++) {
            var request = given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.when()
                    .get("/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("hasMore")) {
                return cursor;
            }
        }
        throw new AssertionError("the change feed never came to an end: something keeps appending events");
    }

    /** The events about these subjects, in feed order: those of other tests are left out. */
    private static List<Map<String, Object>> about(List<?> subjects, List<Map<String, Object>> events) {
        List<String> ids = subjects.stream().map(Object::toString).toList();
        return events.stream()
                .filter(e -> ids.contains(String.valueOf(e.get("subjectId"))))
                .toList();
    }

    private static List<Map<String, Object>> readAll(String after, String types, int limit) {
        List<Map<String, Object>> events = new ArrayList<>();
        String cursor = after;
        for (int pages = 0; pages < 50; pages++) {
            var request = given().queryParam("limit", limit).queryParam("after", cursor);
            if (types != null) {
                request.queryParam("types", types);
            }
            JsonPath page = request.when()
                    .get("/v1/events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
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
