package dev.rapport.platform.db;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.rapport.platform.security.RolePermissions;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.restassured.http.ContentType;

/**
 * A write registers work for after its request (waking the event's consumers). Waiting for the end of the request
 * must not take the place of what the HTTP stack itself does then: a GraphQL request's context, with its
 * request-scoped beans, ends with its response like any other.
 */
@QuarkusTest
@TestSecurity(user = "mona.manager", roles = "manager", augmentors = RolePermissions.class)
class AfterWorkTest {

    private static final String MARKER = "X-Test-Request";

    @Inject
    EndedRequests ended;

    /** Records the marker header of every HTTP request whose request context ends. */
    @ApplicationScoped
    static class EndedRequests {

        private final Set<String> markers = ConcurrentHashMap.newKeySet();

        void ending(@Observes @BeforeDestroyed(RequestScoped.class) Object context, CurrentVertxRequest request) {
            if (request.getCurrent() != null) {
                String marker = request.getCurrent().request().getHeader(MARKER);
                if (marker != null) {
                    markers.add(marker);
                }
            }
        }

        Set<String> markers() {
            return markers;
        }
    }

    @Test
    void theRequestOfAGraphQLMutationEndsWithItsResponse() {
        String id = aCustomer().create();
        String marker = UUID.randomUUID().toString();

        given().header(MARKER, marker)
                .contentType(ContentType.JSON)
                .body(Map.of("query", """
                        mutation($id: ID!) { updateCustomer(id: $id, patch: "{\\"familyName\\": \\"Byron\\"}") { id } }
                        """, "variables", Map.of("id", id)))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue());

        assertEnded(marker, "the mutation's request context ended");
    }

    @Test
    void theRequestOfAGraphQLQueryEndsWithItsResponse() {
        String marker = UUID.randomUUID().toString();

        given().header(MARKER, marker)
                .contentType(ContentType.JSON)
                .body(Map.of("query", "{ customers(limit: 1) { hasMore } }"))
                .when()
                .post("/graphql")
                .then()
                .statusCode(200)
                .body("errors", nullValue());

        assertEnded(marker, "the query's request context ended");
    }

    @Test
    void theRequestOfARestWriteEndsWithItsResponse() {
        String marker = UUID.randomUUID().toString();

        given().header(MARKER, marker)
                .contentType(ContentType.JSON)
                .body(aCustomer().body())
                .when()
                .post("/v1/customers")
                .then()
                .statusCode(201);

        assertEnded(marker, "the write's request context ended");
    }

    /** Waits for the request context of the request marked {@code marker} to end. */
    private void assertEnded(String marker, String description) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(ended.markers()).as(description).contains(marker));
    }
}
