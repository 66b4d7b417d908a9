package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.Database;
import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** Bulk imports: good rows are applied, each bad one is reported by its row number, nothing is half applied. */
@QuarkusTest
@TestSecurity(user = "manager-mia", roles = "manager", augmentors = RolePermissions.class)
class CustomerImportTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Database db;

    @Test
    void anNdjsonImportAppliesTheGoodRowsAndNamesEachBadOne() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String existing = aCustomer()
                .with("externalId", "E0-" + key)
                .with("givenName", "Old")
                .create();
        String taken = "taken." + key + "@example.com";
        aCustomer().with("externalId", "E9-" + key).email(taken).create();

        String id = create(Map.of("format", "ndjson")).getString("id");
        String file = String.join(
                "\n",
                "{\"externalId\":\"E1-" + key + "\",\"givenName\":\"Grace\",\"emails\":[{\"address\":\"grace." + key
                        + "@example.com\"}]}",
                "{\"externalId\":\"E2-" + key + "\",\"emails\":[{\"address\":\"not an email\"}]}",
                "this is not json",
                "{\"externalId\":\"E0-" + key + "\",\"givenName\":\"New\"}",
                "{\"externalId\":\"E1-" + key + "\",\"familyName\":\"Hopper\"}",
                "{\"givenName\":\"Nobody\"}",
                "{\"externalId\":\"E3-" + key + "\",\"emails\":[{\"address\":\"" + taken + "\"}]}",
                "");
        part(id, 1, "application/x-ndjson", file).statusCode(200).body("rows", equalTo(7));

        JsonPath done = startAndAwait(id);

        assertThat(done.getString("status")).isEqualTo("succeeded");
        assertThat(done.getMap("progress"))
                .containsEntry("total", 7)
                .containsEntry("read", 7)
                .containsEntry("created", 1)
                .containsEntry("updated", 2)
                .containsEntry("failed", 4);
        JsonPath errors = given().get("/v1/imports/" + id + "/errors")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(errors.getList("data.row", Integer.class)).containsExactly(2, 3, 6, 7);
        assertThat(errors.getString("data[0].field")).isEqualTo("emails[0].address");
        assertThat(errors.getString("data[1].field")).isEqualTo("row");
        assertThat(errors.getString("data[2].field")).isEqualTo("externalId");
        assertThat(errors.getString("data[3].field")).isEqualTo("emails");

        JsonPath grace = list("externalId==E1-" + key);
        assertThat(grace.getList("data")).hasSize(1);
        assertThat(grace.getString("data[0].givenName")).isEqualTo("Grace");
        assertThat(grace.getString("data[0].familyName")).isEqualTo("Hopper");
        assertThat(grace.getString("data[0].emails[0].address")).isEqualTo("grace." + key + "@example.com");
        given().get("/v1/customers/" + existing).then().body("givenName", equalTo("New"));
        assertThat(list("externalId==E3-" + key).getList("data")).isEmpty();
        assertThat(db.count(
                        "select count(*) from event where type = 'customer.created' and subject_id = cast(? as uuid)",
                        grace.getString("data[0].id")))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from event where type = 'customer_import.finished' and subject_id = cast(? as uuid)",
                        id))
                .isEqualTo(1);
        // a row found by its email is the same customer for duplicate checks too
        given().get("/v1/customers/" + grace.getString("data[0].id") + "/duplicates")
                .then()
                .statusCode(200);
    }

    @Test
    void aCsvImportReadsItsColumnsThroughTheMappingAcrossParts() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String id = create(Map.of(
                        "format",
                        "csv",
                        "columns",
                        Map.of("Customer no", "externalId", "E-mail", "email", "First", "givenName", "Ignored", "")))
                .getString("id");
        part(
                        id,
                        1,
                        "text/csv",
                        "Customer no,First,familyName,E-mail,tags,consents.email,Ignored\r\n" + "C1-" + key
                                + ",Ada,\"Lovelace, Countess\",ada." + key + "@example.com,vip|newsletter,true,x\r\n")
                .statusCode(200)
                .body("rows", equalTo(1));
        // a part sent again replaces what it held
        part(id, 2, "text/csv", "C2-" + key + ",Bad,Row,not-an-email,,,\n").statusCode(200);
        part(
                        id,
                        2,
                        "text/csv",
                        "C2-" + key + ",Charles,Babbage,charles." + key + "@example.com,,false,\n" + "C3-" + key
                                + ",Too,Few\n")
                .statusCode(200)
                .body("rows", equalTo(2));

        JsonPath done = startAndAwait(id);

        assertThat(done.getMap("progress"))
                .containsEntry("total", 3)
                .containsEntry("created", 2)
                .containsEntry("failed", 1);
        JsonPath ada = list("externalId==C1-" + key);
        assertThat(ada.getString("data[0].familyName")).isEqualTo("Lovelace, Countess");
        assertThat(ada.getList("data[0].tags")).containsExactly("vip", "newsletter");
        assertThat(ada.getBoolean("data[0].consents.email.granted")).isTrue();
        assertThat(list("externalId==C2-" + key).getString("data[0].givenName")).isEqualTo("Charles");
        given().get("/v1/imports/" + id + "/errors")
                .then()
                .body("data.row", contains(3))
                .body("data[0].message", equalTo("has 3 columns, the header 7"));
    }

    @Test
    void anImportIsStartedOnceWithItsPartsAndCanBeCancelled() {
        String id = create(Map.of("format", "ndjson")).getString("id");
        given().post("/v1/imports/" + id + "/start").then().statusCode(409);
        part(id, 2, "application/x-ndjson", "{\"givenName\":\"Two\"}").statusCode(200);
        given().post("/v1/imports/" + id + "/start").then().statusCode(409);

        given().post("/v1/imports/" + id + "/cancel").then().statusCode(200).body("status", equalTo("cancelled"));
        part(id, 1, "application/x-ndjson", "{}").statusCode(409);
        given().post("/v1/imports/" + id + "/cancel").then().statusCode(409);

        part(id, 0, "application/x-ndjson", "{}").statusCode(400);
        create(Map.of("format", "xml"), 400);
        create(Map.of("format", "ndjson", "columns", Map.of("a", "givenName")), 400);
        create(Map.of("format", "csv", "columns", Map.of("a", "password")), 400);
        given().get("/v1/imports/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
    void importsNeedTheImportPermission() {
        given().contentType(ContentType.JSON)
                .body(Map.of("format", "ndjson"))
                .post("/v1/imports")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "imp-shop-sync",
            roles = {"customers:read", "customers:import"},
            attributes = @SecurityAttribute(key = "partner_id", value = "imp-shop"))
    void aPartnersImportCreatesItsOwnCustomersAndItSeesOnlyItsOwnImports() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String id = create(Map.of("format", "ndjson", "match", "email")).getString("id");
        part(id, 1, "application/x-ndjson", "{\"emails\":[{\"address\":\"shop." + key + "@example.com\"}]}")
                .statusCode(200);
        assertThat(startAndAwait(id).getMap("progress")).containsEntry("created", 1);
        assertThat(db.string("select partner_id from customer where primary_email = ?", "shop." + key + "@example.com"))
                .isEqualTo("imp-shop");

        String others = UUID.randomUUID().toString();
        db.execute("""
                insert into customer_import (id, partner_id, status, format, match, requested_by, created_at)
                values (cast(? as uuid), 'imp-other', 'receiving', 'ndjson', 'email', 'someone', now())
                """, others);
        given().get("/v1/imports/" + others).then().statusCode(404);
        part(others, 1, "application/x-ndjson", "{}").statusCode(404);
        given().post("/v1/imports/" + others + "/start").then().statusCode(404);
    }

    @Test
    void anExternalIdBelongsToOneLiveCustomer() {
        String external = "X-" + UUID.randomUUID();
        String first = aCustomer().with("externalId", external).create();
        aCustomer()
                .with("externalId", external)
                .post()
                .statusCode(409)
                .body("errors[0].field", equalTo("externalId"))
                .body("errors[0].message", equalTo("already belongs to customer " + first));
        given().get("/v1/customers/" + first).then().body("externalId", equalTo(external));
        assertThat(list("externalId==" + external).getList("data.id")).containsExactly(first);
        aCustomer().with("externalId", " padded ").post().statusCode(400);

        given().delete("/v1/customers/" + first).then().statusCode(204);
        aCustomer().with("externalId", external).post().statusCode(201);
    }

    // --- calls --------------------------------------------------------------------------------------------------

    private static JsonPath create(Map<String, Object> request) {
        return create(request, 201).extract().jsonPath();
    }

    private static ValidatableResponse create(Map<String, Object> request, int status) {
        return given().contentType(ContentType.JSON)
                .body(request)
                .post("/v1/imports")
                .then()
                .statusCode(status);
    }

    private static ValidatableResponse part(String id, int part, String type, String body) {
        return given().contentType(type + "; charset=UTF-8")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/v1/imports/" + id + "/parts/" + part)
                .then();
    }

    private static JsonPath startAndAwait(String id) {
        given().post("/v1/imports/" + id + "/start").then().statusCode(202).body("status", equalTo("queued"));
        return await().atMost(WAIT)
                .until(
                        () -> given().get("/v1/imports/" + id)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        job -> List.of("succeeded", "failed", "cancelled").contains(job.getString("status")));
    }

    private static JsonPath list(String filter) {
        return given().queryParam("filter", filter)
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
