package dev.rapport.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document and GraphQL schema in {@code openapi/} are generated from the code and committed, so that
 * client teams can review API changes in a diff. These tests fail when the committed files differ from what the
 * service serves. To refresh them after an intended change:
 *
 * <pre>./mvnw test -Dtest=ApiDocumentsTest -Dapidocs.write=true</pre>
 */
@QuarkusTest
class ApiDocumentsTest {

    private static final boolean WRITE = Boolean.getBoolean("apidocs.write");

    @Test
    void committedOpenApiDocumentMatchesTheService() throws IOException {
        String served = given().accept("application/yaml")
                .when()
                .get("/q/openapi?format=yaml")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        compare(Path.of("openapi/rapport-v1.yaml"), served);
    }

    @Test
    void committedGraphQLSchemaMatchesTheService() throws IOException {
        String served = given().when()
                .get("/graphql/schema.graphql")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        compare(Path.of("openapi/schema.graphql"), served);
    }

    private static void compare(Path committed, String served) throws IOException {
        if (WRITE) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("%s is committed", committed).exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as(
                        "%s is out of date; regenerate it with "
                                + "./mvnw test -Dtest=ApiDocumentsTest -Dapidocs.write=true",
                        committed)
                .isEqualTo(served);
    }
}
