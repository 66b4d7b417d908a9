package dev.rapport.loyalty;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.rapport.customer.CustomerFixtures;
import dev.rapport.platform.Database;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Builds loyalty programs, accounts and postings for tests through the API. */
public final class LoyaltyFixtures {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private LoyaltyFixtures() {}

    /** A program without tiers whose points expire 12 months after they are earned. */
    public static LoyaltyFixtures aProgram() {
        LoyaltyFixtures fixture = new LoyaltyFixtures();
        fixture.body.put("name", "Rewards " + CustomerFixtures.uniqueTag());
        fixture.body.put("pointsName", "stars");
        fixture.body.put("currency", "EUR");
        fixture.body.put("expiry", Map.of("policy", "after_period", "period", "P12M", "noticeDays", 30));
        return fixture;
    }

    public LoyaltyFixtures with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    public ValidatableResponse post() {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/loyalty/programs")
                .then();
    }

    public String create() {
        return post().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse enroll(String programId, String customerId) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("customerId", customerId))
                .when()
                .post("/v1/loyalty/programs/" + programId + "/accounts")
                .then();
    }

    /** A new customer enrolled in the program: the account's id. */
    public static String anAccount(String programId) {
        String customer = CustomerFixtures.aCustomer().create();
        return enroll(programId, customer).statusCode(201).extract().path("id");
    }

    /** A posting's body: type and points, and pairs of further fields. */
    public static Map<String, Object> posting(String type, Long points, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        if (points != null) {
            body.put("points", points);
        }
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    public static ValidatableResponse post(String accountId, String key, Map<String, Object> posting) {
        var request = given().contentType(ContentType.JSON).body(posting);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when()
                .post("/v1/loyalty/accounts/" + accountId + "/transactions")
                .then();
    }

    /** Posts with a fresh key; returns the response, asserting nothing. */
    public static ValidatableResponse post(String accountId, Map<String, Object> posting) {
        return post(accountId, UUID.randomUUID().toString(), posting);
    }

    /** Posts with a fresh key, asserting it is posted; the (first) entry's id. */
    public static String posted(String accountId, String type, long points, Object... more) {
        return post(accountId, posting(type, points, more))
                .statusCode(201)
                .extract()
                .path("entries[0].id");
    }

    public static ValidatableResponse simulate(String accountId, Map<String, Object> posting) {
        return given().contentType(ContentType.JSON)
                .body(posting)
                .when()
                .post("/v1/loyalty/accounts/" + accountId + "/transactions/simulate")
                .then();
    }

    public static long balance(String accountId) {
        return given().get("/v1/loyalty/accounts/" + accountId)
                .then()
                .statusCode(200)
                .extract()
                .<Number>path("balance")
                .longValue();
    }

    /** The sum of the account's whole ledger, read page by page through the API. */
    public static long ledgerSum(String accountId) {
        long sum = 0;
        String after = null;
        do {
            var request = given().queryParam("limit", 100);
            if (after != null) {
                request.queryParam("after", after);
            }
            var page = request.get("/v1/loyalty/accounts/" + accountId + "/transactions")
                    .then()
                    .statusCode(200)
                    .extract();
            List<Number> points = page.path("data.points");
            sum += points.stream().mapToLong(Number::longValue).sum();
            after = page.path("nextCursor");
        } while (after != null);
        return sum;
    }

    /** The event types about an account, in log order. */
    public static List<String> eventTypes(Database database, String accountId) {
        String types = database.string(
                "select string_agg(type, ',' order by seq) from event where subject_id = cast(? as uuid)", accountId);
        return types == null ? List.of() : List.of(types.split(","));
    }
}
