package dev.rapport.customer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Numbers stored before libphonenumber read them get their type and validity, and a new version. */
@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class ContactBackfillTest {

    @Inject
    Database db;

    @Inject
    ContactBackfill backfill;

    @Test
    void aNumberStoredTheOldWayGetsItsTypeAndValidity() {
        UUID id = UUID.randomUUID();
        db.execute(
                """
                insert into customer (id, given_name, contacts, primary_phone, created_at, updated_at)
                values (?, 'Old', cast(? as jsonb), '+442079460958', now(), now())
                """,
                id,
                "{\"emails\":[],\"phones\":[{\"number\":\"+442079460958\",\"primary\":true,\"label\":\"work\"}],"
                        + "\"addresses\":[]}");

        backfill.rerun();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when()
                        .get("/v1/customers/" + id)
                        .then()
                        .statusCode(200)
                        .header("ETag", "\"1\"")
                        .body("phones[0].number", equalTo("+442079460958"))
                        .body("phones[0].label", equalTo("work"))
                        .body("phones[0].type", equalTo("fixed_line"))
                        .body("phones[0].valid", equalTo(true)));
    }
}
