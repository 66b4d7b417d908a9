package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class CustomerUpdateTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndBumpsTheETag() {
        String id =
                aCustomer().with("locale", "en-GB").with("tags", List.of("vip")).create();

        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(Map.of("familyName", "Byron", "attributes", Map.of("score", 7)))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("familyName", equalTo("Byron"))
                .body("givenName", equalTo("Ada"))
                .body("locale", equalTo("en-GB"))
                .body("tags", hasItem("vip"))
                .body("attributes.score", equalTo(7))
                .body("version", equalTo(1));
    }

    @Test
    void nullRemovesAValue() {
        String id = aCustomer().with("locale", "en-GB").create();
        given().contentType(MERGE_PATCH)
                .body("{\"locale\": null}")
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(200)
                .body("locale", equalTo(null));
    }

    @Test
    void staleIfMatchIsAPreconditionFailedProblem() {
        String id = aCustomer().create();
        given().contentType(MERGE_PATCH)
                .body(Map.of("givenName", "Augusta"))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(200);

        given().contentType(MERGE_PATCH)
                .header("If-Match", "\"0\"")
                .body(Map.of("givenName", "Ada"))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("precondition-failed"));
    }

    @Test
    void twoConcurrentPatchesWithTheSameETagOneWinsOneGets412() throws Exception {
        String id = aCustomer().create();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (String name : List.of("First", "Second")) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return given().contentType(MERGE_PATCH)
                                    .header("If-Match", "\"0\"")
                                    .body(Map.of("givenName", name))
                                    .when()
                                    .patch("/v1/customers/" + id)
                                    .then()
                                    .extract()
                                    .statusCode();
                        },
                        pool));
            }
            start.countDown();
            List<Integer> statuses =
                    calls.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly(200, 412);
        } finally {
            pool.shutdownNow();
        }
        given().when().get("/v1/customers/" + id).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void conditionalGetAnswersNotModified() {
        String id = aCustomer().create();
        given().header("If-None-Match", "\"0\"")
                .when()
                .get("/v1/customers/" + id)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"7\"")
                .when()
                .get("/v1/customers/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void patchNeedsTheMergePatchMediaType() {
        String id = aCustomer().create();
        given().contentType(ContentType.JSON)
                .body(Map.of("givenName", "X"))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("unsupported-media-type"));
    }

    @Test
    void unknownAndReadOnlyFieldsAreRejected() {
        String id = aCustomer().create();
        given().contentType(MERGE_PATCH)
                .body(Map.of("id", "00000000-0000-7000-8000-000000000001"))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(400)
                .body("code", equalTo("malformed-request"))
                .body("errors[0].field", equalTo("id"));
        aCustomer()
                .with("favouriteColour", "green")
                .post()
                .statusCode(400)
                .body("detail", equalTo("Unknown field 'favouriteColour'"));
    }

    @Test
    void patchResultIsValidatedLikeACreate() {
        String id = aCustomer().create();
        given().contentType(MERGE_PATCH)
                .body(Map.of("emails", List.of(Map.of("address", "nope"))))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(400)
                .body("code", equalTo("validation-failed"))
                .body("errors[0].field", equalTo("emails[0].address"));
        given().contentType(MERGE_PATCH)
                .body(Map.of("timeZone", "Mars/Olympus"))
                .when()
                .patch("/v1/customers/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void anEmailBelongsToOneLiveCustomer() {
        String email = "shared." + CustomerFixtures.uniqueTag() + "@example.com";
        aCustomer().email(email).create();
        aCustomer()
                .email(email.toUpperCase())
                .post()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("conflict"))
                .body("detail", notNullValue());

        String other = aCustomer().create();
        given().contentType(MERGE_PATCH)
                .body(Map.of("emails", List.of(Map.of("address", email))))
                .when()
                .patch("/v1/customers/" + other)
                .then()
                .statusCode(409);
    }

    @Test
    @TestSecurity(user = "manager-max", roles = "manager", augmentors = RolePermissions.class)
    void deletedCustomersDisappearAndFreeTheirEmail() {
        String email = "leaving." + CustomerFixtures.uniqueTag() + "@example.com";
        String id = aCustomer().email(email).create();

        given().header("If-Match", "\"5\"")
                .when()
                .delete("/v1/customers/" + id)
                .then()
                .statusCode(412);
        given().when().delete("/v1/customers/" + id).then().statusCode(204);

        given().when().get("/v1/customers/" + id).then().statusCode(404);
        given().when().delete("/v1/customers/" + id).then().statusCode(404);
        aCustomer().email(email).post().statusCode(201);
    }

    @Test
    @TestSecurity(user = "admin-ann", roles = "admin", augmentors = RolePermissions.class)
    void adminsStillSeeDeletedCustomers() {
        String tag = CustomerFixtures.uniqueTag();
        String id = aCustomer().with("tags", List.of(tag)).create();
        given().when().delete("/v1/customers/" + id).then().statusCode(204);

        given().when().get("/v1/customers/" + id).then().statusCode(200).body("deletedAt", notNullValue());
        given().queryParam("filter", "tags==" + tag)
                .when()
                .get("/v1/customers")
                .then()
                .body("data", org.hamcrest.Matchers.hasSize(0));
        given().queryParam("filter", "tags==" + tag)
                .queryParam("includeDeleted", true)
                .when()
                .get("/v1/customers")
                .then()
                .body("data", org.hamcrest.Matchers.hasSize(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
