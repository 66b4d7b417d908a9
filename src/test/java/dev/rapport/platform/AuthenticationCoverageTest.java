package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.rapport.automation.TriggerGraphQLApi;
import dev.rapport.customer.CustomerDuplicateGraphQLApi;
import dev.rapport.customer.CustomerGraphQLApi;
import dev.rapport.event.EventGraphQLApi;
import dev.rapport.lead.LeadDefinitionsGraphQLApi;
import dev.rapport.lead.LeadGraphQLApi;
import dev.rapport.loyalty.LoyaltyDefinitionsGraphQLApi;
import dev.rapport.loyalty.LoyaltyGraphQLApi;
import dev.rapport.segment.SegmentGraphQLApi;
import dev.rapport.survey.SurveyGraphQLApi;
import dev.rapport.ticket.SlaGraphQLApi;
import dev.rapport.ticket.TicketGraphQLApi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * No operation is reachable without authentication, and none without a role: every REST operation of the committed
 * OpenAPI document and every GraphQL root field of the committed schema is called and must refuse.
 */
@QuarkusTest
class AuthenticationCoverageTest {

    /** Every class that contributes GraphQL root fields; a new @GraphQLApi class must be added here. */
    private static final List<Class<?>> GRAPHQL_APIS = List.of(
            CustomerGraphQLApi.class,
            CustomerDuplicateGraphQLApi.class,
            EventGraphQLApi.class,
            SegmentGraphQLApi.class,
            TriggerGraphQLApi.class,
            TicketGraphQLApi.class,
            SlaGraphQLApi.class,
            LeadGraphQLApi.class,
            LeadDefinitionsGraphQLApi.class,
            LoyaltyGraphQLApi.class,
            LoyaltyDefinitionsGraphQLApi.class,
            SurveyGraphQLApi.class);

    /**
     * The operations that take no bearer token on purpose: answering a survey, where the link's token is the
     * credential. They answer an unknown token as not found, with or without a bearer token or role.
     */
    private static final List<String> PUBLIC_OPERATIONS =
            List.of("GET /v1/survey-responses/{token}", "POST /v1/survey-responses/{token}");

    @Test
    void everyRestOperationNeedsAToken() throws IOException {
        List<String> operations = restOperations();
        assertThat(operations).hasSizeGreaterThan(5).containsAll(PUBLIC_OPERATIONS);
        for (String operation : operations) {
            assertThat(call(operation))
                    .as(operation)
                    .isEqualTo(PUBLIC_OPERATIONS.contains(operation) ? publicStatus(operation) : 401);
        }
    }

    /** What a public operation answers a made-up token: not found to a read, and to a well-formed answer. */
    private static int publicStatus(String operation) {
        return operation.startsWith("GET") ? 404 : 400;
    }

    @Test
    @TestSecurity(user = "no-roles", roles = "nothing")
    void everyRestOperationNeedsARoleOrScope() throws IOException {
        for (String operation : restOperations()) {
            assertThat(call(operation))
                    .as(operation)
                    .isEqualTo(PUBLIC_OPERATIONS.contains(operation) ? publicStatus(operation) : 403);
        }
    }

    @Test
    void everyGraphQLRootFieldNeedsATokenAndDeclaresItsRoles() throws IOException {
        List<String> fields = graphqlRootFields();
        assertThat(fields).contains("customer", "customers", "createCustomer");
        for (String field : fields) {
            int status = given().contentType("application/json")
                    .body(Map.of("query", "{ " + field + " }"))
                    .when()
                    .post("/graphql")
                    .then()
                    .extract()
                    .statusCode();
            assertThat(status).as(field).isEqualTo(401);
            assertThat(rolesOf(field))
                    .as("@RolesAllowed on the method behind " + field)
                    .isNotEmpty();
        }
    }

    private static int call(String operation) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        var request =
                given().contentType(parts[0].equals("PATCH") ? "application/merge-patch+json" : "application/json");
        if (!parts[0].equals("GET") && !parts[0].equals("DELETE")) {
            request.body("{}");
        }
        return request.when().request(parts[0], path).then().extract().statusCode();
    }

    private static List<String> restOperations() throws IOException {
        JsonNode paths = new YAMLMapper()
                .readTree(Path.of("openapi/rapport-v1.yaml").toFile())
                .path("paths");
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue()
                    .fieldNames()
                    .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey()));
        }
        return operations;
    }

    private static List<String> graphqlRootFields() throws IOException {
        String schema = Files.readString(Path.of("openapi/schema.graphql"));
        List<String> fields = new ArrayList<>();
        for (String root : List.of("Query", "Mutation")) {
            Matcher block = Pattern.compile("type " + root + " \\{(.*?)\\n}", Pattern.DOTALL)
                    .matcher(schema);
            if (block.find()) {
                Matcher field =
                        Pattern.compile("(?m)^  ([A-Za-z_][A-Za-z0-9_]*)[(:]").matcher(block.group(1));
                while (field.find()) {
                    fields.add(field.group(1));
                }
            }
        }
        return fields;
    }

    private static String[] rolesOf(String field) {
        for (Class<?> api : GRAPHQL_APIS) {
            for (Method method : api.getDeclaredMethods()) {
                Query query = method.getAnnotation(Query.class);
                Mutation mutation = method.getAnnotation(Mutation.class);
                String name = query != null ? query.value() : mutation != null ? mutation.value() : null;
                if (field.equals(name)) {
                    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                    return roles == null ? new String[0] : roles.value();
                }
            }
        }
        return new String[0];
    }
}
