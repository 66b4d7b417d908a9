package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served API documents are what client generators need: the OpenAPI document passes {@link ApiContract}, and
 * the GraphQL schema builds on its own, scalars included.
 */
@QuarkusTest
class ApiContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servedOpenApiDocumentGivesClientsWhatTheyNeed() throws Exception {
        JsonNode document = JSON.readTree(given().accept("application/json")
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(document.path("paths").size()).isGreaterThan(5);
        assertThat(ApiContract.problems(document)).isEmpty();
    }

    @Test
    void mergePatchBodiesTakeNullAndEventDataFollowsItsType() throws Exception {
        JsonNode document = JSON.readTree(given().accept("application/json")
                .when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String patch = "/paths/~1v1~1customers~1{id}/patch/requestBody/content/application~1merge-patch+json/schema";
        assertThat(ApiContract.errors(
                        document,
                        patch,
                        JSON.readTree("{\"familyName\": \"King\", \"locale\": null, \"consents\": {\"sms\": null}}")))
                .isEmpty();
        assertThat(ApiContract.errors(document, patch, JSON.readTree("{\"locale\": 42}")))
                .anyMatch(e -> e.contains("does not match"));
        String event = "/components/schemas/Event";
        assertThat(
                        ApiContract.errors(
                                document,
                                event,
                                JSON.readTree(
                                        "{\"type\": \"purchase.recorded\", \"data\": {\"amount\": 129.90, \"currency\": \"EUR\"}}")))
                .isEmpty();
        assertThat(ApiContract.errors(
                        document,
                        event,
                        JSON.readTree("{\"type\": \"purchase.recorded\", \"data\": {\"amount\": \"a lot\"}}")))
                .anyMatch(e -> e.contains("does not match"));
        assertThat(ApiContract.errors(
                        document,
                        event,
                        JSON.readTree("{\"type\": \"segment.entered\", \"data\": {\"anything\": true}}")))
                .isEmpty();
    }

    @Test
    void theChecksFindEachKindOfProblem() throws Exception {
        JsonNode broken = JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
                 "components": {
                   "securitySchemes": {"oauth2": {"type": "oauth2", "flows": {"clientCredentials": {
                       "tokenUrl": "https://login.invalid/token", "scopes": {"customers:read": "read"}}}}},
                   "schemas": {
                     "Tags": {"type": "array"},
                     "Customer": {"type": "object", "properties": {
                       "score": {"type": "integer", "examples": ["high"]},
                       "owner": {"$ref": "#/components/schemas/Owner"}}}}},
                 "paths": {"/a/{id}": {
                   "get": {"summary": "A", "security": [{"bearer": []}, {"oauth2": ["admin"]}],
                     "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}, "example": "ten"}],
                     "responses": {"200": {"description": "ok", "content": {"application/json": {
                       "schema": {"$ref": "#/components/schemas/Customer"},
                       "examples": {"one": {"value": {"score": "low"}}}}}}}},
                   "post": {"operationId": "same", "responses": {"204": {"description": "ok"}}},
                   "put": {"operationId": "same", "summary": "P", "responses": {"204": {"description": "ok"}}}}}}
                """);
        List<String> problems = ApiContract.problems(broken);
        assertThat(problems)
                .anyMatch(p -> p.equals("GET /a/{id} has no operationId"))
                .anyMatch(p -> p.equals("POST /a/{id} has no summary"))
                .anyMatch(p -> p.equals("PUT /a/{id} repeats the operationId same"))
                .anyMatch(p -> p.equals("GET /a/{id} requires the undeclared security scheme bearer"))
                .anyMatch(p -> p.startsWith("GET /a/{id} requires admin, which no flow"))
                .anyMatch(p -> p.equals("/components/schemas/Tags is an array schema without items"))
                .anyMatch(p -> p.contains("refers to #/components/schemas/Owner"))
                .anyMatch(p ->
                        p.startsWith("/components/schemas/Customer/properties/score/examples/0 does not " + "match"))
                .anyMatch(p -> p.startsWith("/paths/~1a~1{id}/get/parameters/0/example does not match"))
                .anyMatch(p -> p.startsWith("/paths/~1a~1{id}/get/responses/200/content/application~1json/examples/one "
                        + "does not match"));
    }

    @Test
    void servedGraphQLSchemaBuildsOnItsOwn() {
        String schema = given().when()
                .get("/graphql/schema.graphql")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(schema).contains("scalar DateTime");
        assertThatCode(() -> UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(schema)))
                .doesNotThrowAnyException();
    }
}
