package dev.rapport.customer;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestSecurity(user = "agent-alice", roles = "agent", augmentors = RolePermissions.class)
class CustomerListTest {

    @Test
    void filtersOnFieldsTagsAndCustomAttributes() {
        String tag = CustomerFixtures.uniqueTag();
        String gold = aCustomer()
                .with("givenName", "Grace")
                .with("tags", List.of(tag, "gold"))
                .with("attributes", Map.of("score", 90, "plan", "pro", "beta", true))
                .create();
        String silver = aCustomer()
                .with("givenName", "Alan")
                .with("tags", List.of(tag, "silver"))
                .with("attributes", Map.of("score", 40, "plan", "free"))
                .create();
        String none = aCustomer()
                .with("givenName", "Edsger")
                .with("tags", List.of(tag))
                .create();

        assertThat(ids("tags==" + tag + ";tags==gold")).containsExactly(gold);
        assertThat(ids("tags==" + tag + ";tags=in=(gold,silver)")).containsExactlyInAnyOrder(gold, silver);
        assertThat(ids("tags==" + tag + ";tags!=gold")).containsExactlyInAnyOrder(silver, none);
        assertThat(ids("tags==" + tag + ";attributes.score=gt=50")).containsExactly(gold);
        assertThat(ids("tags==" + tag + ";attributes.score=le=40")).containsExactly(silver);
        assertThat(ids("tags==" + tag + ";attributes.plan==free")).containsExactly(silver);
        assertThat(ids("tags==" + tag + ";attributes.beta==true")).containsExactly(gold);
        assertThat(ids("tags==" + tag + ";attributes.score==90")).containsExactly(gold);
        assertThat(ids("tags==" + tag + ";(givenName==Gr*,givenName==Edsger)")).containsExactlyInAnyOrder(gold, none);
        assertThat(ids("tags==" + tag + ";createdAt=ge=2020-01-01")).hasSize(3);
        assertThat(ids("tags==" + tag + ";createdAt=lt=2020-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void aFilterMayJoinItsConditionsWithARawSemicolon() {
        String tag = CustomerFixtures.uniqueTag();
        String gold = aCustomer().with("tags", List.of(tag, "gold")).create();
        aCustomer().with("tags", List.of(tag)).create();

        // As a user types it (README): ';' not percent-encoded. Vert.x splits query strings at ';' as well as '&'.
        List<String> ids = given().urlEncodingEnabled(false)
                .when()
                .get("/v1/customers?filter=tags==" + tag + ";tags==gold&limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data.id");
        assertThat(ids).containsExactly(gold);
        given().urlEncodingEnabled(false)
                .when()
                .get("/v1/customers?q=" + tag + ";x")
                .then()
                .statusCode(200)
                .body("data", hasSize(0));
    }

    @Test
    void filtersByEmailCaseInsensitively() {
        String address = "Mixed.Case." + CustomerFixtures.uniqueTag() + "@Example.com";
        String id = aCustomer().email(address).create();
        assertThat(ids("email==" + address.toUpperCase())).containsExactly(id);
    }

    @Test
    void invalidFiltersAreProblemsThatSayWhatIsWrong() {
        given().queryParam("filter", "shoeSize==42")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-filter"))
                .body("detail", containsString("unknown field 'shoeSize'"));
        given().queryParam("filter", "givenName==")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-filter"))
                .body("detail", containsString("column"));
        given().queryParam("filter", "createdAt=gt=yesterday")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("detail", containsString("ISO-8601"));
        given().queryParam("filter", "attributes.bad-key==1")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-filter"));
        given().queryParam("filter", "givenName=~x")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("code", equalTo("invalid-filter"));
    }

    @Test
    void filterValuesNeverReachSqlAsText() {
        String tag = CustomerFixtures.uniqueTag();
        aCustomer().with("tags", List.of(tag)).create();
        assertThat(ids("tags==" + tag + ";givenName==\"x' or '1'='1\"")).isEmpty();
        assertThat(ids("tags==" + tag + ";givenName=='Ada\\' --'")).isEmpty();
        assertThat(ids("tags==" + tag + ";attributes.a==\"'}') or true --\"")).isEmpty();
        assertThat(ids("tags==" + tag + ";givenName==Ada")).hasSize(1);
    }

    @Test
    void badPagingAndSortParametersAreProblems() {
        given().queryParam("limit", 0)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 101).when().get("/v1/customers").then().statusCode(400);
        given().queryParam("limit", "ten").when().get("/v1/customers").then().statusCode(400);
        given().queryParam("after", "garbage!")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
        given().queryParam("sort", "shoeSize")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void pagingIsStableWhileCustomersAreAdded() {
        String tag = CustomerFixtures.uniqueTag();
        List<String> original = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            original.add(aCustomer().with("tags", List.of(tag)).create());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("filter", "tags==" + tag).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonPath page = request.when()
                    .get("/v1/customers")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("data.id"));
            cursor = page.getString("nextCursor");
            assertThat(page.getBoolean("hasMore")).isEqualTo(cursor != null);
            // Newer customers arrive between page requests; they sort before the cursor and must not
            // shift or repeat what follows.
            aCustomer().with("tags", List.of(tag)).create();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).doesNotHaveDuplicates();
        java.util.Collections.reverse(original);
        assertThat(seen).containsExactlyElementsOf(original);
    }

    @Test
    void sortsAscendingByName() {
        String tag = CustomerFixtures.uniqueTag();
        for (String name : List.of("Carol", "alice", "Bob")) {
            aCustomer().with("tags", List.of(tag)).with("givenName", name).create();
        }
        given().queryParam("filter", "tags==" + tag)
                .queryParam("sort", "givenName")
                .queryParam("limit", 2)
                .when()
                .get("/v1/customers")
                .then()
                .body("data.givenName", org.hamcrest.Matchers.contains("alice", "Bob"))
                .body("hasMore", equalTo(true));
    }

    @Test
    void searchIsCaseAndAccentInsensitiveAndPartial() {
        String unique = CustomerFixtures.uniqueTag();
        String zoe = aCustomer()
                .with("givenName", "Zoë")
                .with("familyName", "Ørsted-" + unique)
                .create();
        String digits = String.valueOf(1_000_000 + new java.util.Random().nextInt(9_000_000));
        String phone = aCustomer()
                .with("phones", List.of(Map.of("number", "+49 30 " + digits)))
                .create();

        given().queryParam("q", "zoe orsted-" + unique.substring(0, 8))
                .when()
                .get("/v1/customers")
                .then()
                .body("data.id", org.hamcrest.Matchers.contains(zoe));
        given().queryParam("q", "ZOË")
                .queryParam("filter", "familyName==Ørsted-" + unique)
                .when()
                .get("/v1/customers")
                .then()
                .body("data.id", org.hamcrest.Matchers.contains(zoe));
        given().queryParam("q", "30" + digits)
                .when()
                .get("/v1/customers")
                .then()
                .body("data.id", org.hamcrest.Matchers.hasItem(phone));
    }

    @Test
    void expandsTheListWithThe360Parts() {
        String tag = CustomerFixtures.uniqueTag();
        String id = aCustomer().with("tags", List.of(tag)).create();
        CustomerFixtures.recordPurchase(id, "ORD-9", "99.90");
        given().queryParam("filter", "tags==" + tag)
                .queryParam("expand", "purchases,stats")
                .when()
                .get("/v1/customers")
                .then()
                .body("data", hasSize(1))
                .body("data[0].recentPurchases.orderRef", containsInAnyOrder("ORD-9"))
                .body("data[0].stats.purchaseCount", equalTo(1))
                .body("data[0].recentInteractions", equalTo(null));
        given().queryParam("expand", "everything")
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expand"));
    }

    private static List<String> ids(String filter) {
        Set<String> unique = new HashSet<>();
        List<String> ids = given().queryParam("filter", filter)
                .queryParam("limit", 100)
                .when()
                .get("/v1/customers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data.id");
        unique.addAll(ids);
        assertThat(unique).hasSameSizeAs(ids);
        return ids;
    }
}
