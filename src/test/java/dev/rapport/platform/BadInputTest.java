package dev.rapport.platform;

import static dev.rapport.customer.CustomerFixtures.aCustomer;
import static dev.rapport.customer.CustomerFixtures.recordPurchase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rapport.platform.security.RolePermissions;
import dev.rapport.webhook.WebhookFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Walks every operation of the API document and every GraphQL root field, and sends each one malformed, wrongly
 * typed, oversized, out-of-range, control-character and duplicate-key variants of a valid request. Whatever the
 * variant, the answer is never a 5xx, a refusal is a problem document (GraphQL: every error has a code), and no
 * answer shows a Java class, SQL or a stack trace. A new operation is covered by being in the document; a new
 * root field by being in the schema.
 */
@QuarkusTest
@TestSecurity(user = "ada.admin", roles = "admin", augmentors = RolePermissions.class)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LEAKS = Pattern.compile(
            "(?<!DataFetching)Exception|\\bjava\\.[a-z]|dev\\.rapport\\.|\\bat [a-z]+\\.[a-z]+\\.|\\bselect\\b.*\\bfrom\\b|insert into"
                    + "|\\bSQLSTATE\\b|\"stack\"|\\{jakarta\\.",
            Pattern.CASE_INSENSITIVE);
    private static final String HUGE = "x".repeat(100_000);
    private static final String DEEP = "[".repeat(5_000) + "]".repeat(5_000);

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void everyRestOperationAnswersBadInputWithAProblem() throws Exception {
        failures.clear();
        JsonNode document =
                JSON.readTree(given().when().get("/q/openapi?format=json").asString());
        String customerId = aCustomer().create();
        recordPurchase(customerId, "ORD-1", "10.00");
        String endpointId = WebhookFixtures.anEndpoint("http://127.0.0.1:9/bad-input", "customer.*")
                .create();

        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String concrete = path.getKey()
                        .replace("{customerId}", customerId)
                        .replace("{id}", path.getKey().startsWith("/v1/webhook-endpoints") ? endpointId : customerId)
                        .replaceAll("\\{[A-Za-z]+}", java.util.UUID.randomUUID().toString());
                operation(document, method, path.getKey(), concrete, op.getValue());
            }
        }
        WebhookFixtures.delete(endpointId);

        assertThat(failures).isEmpty();
        assertThat(sent).as("requests sent").isGreaterThan(1_000);
    }

    private void operation(JsonNode document, String method, String template, String path, JsonNode op) {
        String name = method + " " + template;
        // path parameters that are no id, or no id of anything
        for (String wrong : List.of("x", UUID.randomUUID().toString(), "0".repeat(300))) {
            if (!template.equals(path)) {
                String other = template.replaceAll("\\{[^}]+}", wrong);
                check(name + " path " + abbreviate(wrong), send(method, other, Map.of(), Map.of(), null, null));
            }
        }
        for (JsonNode parameter : op.path("parameters")) {
            JsonNode declared = resolve(document, parameter);
            String in = declared.path("in").asText();
            String param = declared.path("name").asText();
            for (String value : List.of(
                    "",
                    "a\u0000b",
                    "a\u0007b",
                    HUGE.substring(0, 5_000),
                    "-1",
                    "0",
                    "1e999999999",
                    "99999999999999999999",
                    "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01",
                    "((",
                    ";;;",
                    "==",
                    "*",
                    "\u00fc\u00df")) {
                if (in.equals("query")) {
                    check(
                            name + " ?" + param + "=" + abbreviate(value),
                            send(method, path, Map.of(param, value), Map.of(), null, body(document, op)));
                } else if (in.equals("header") && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    check(
                            name + " " + param + ": " + abbreviate(value),
                            send(method, path, Map.of(), Map.of(param, value), null, body(document, op)));
                }
            }
        }
        JsonNode content = op.path("requestBody").path("content");
        if (content.isMissingNode()) {
            return;
        }
        String mediaType = content.fieldNames().next();
        for (String raw : List.of(
                "",
                "{",
                "[]",
                "\"x\"",
                "null",
                "5",
                "true",
                "{\"a\": 1, \"a\": 2}",
                DEEP,
                "{\"x\": \"" + HUGE + "\"}")) {
            check(name + " body " + abbreviate(raw), send(method, path, Map.of(), Map.of(), mediaType, raw));
        }
        check(name + " as text/plain", send(method, path, Map.of(), Map.of(), "text/plain", "{}"));
        JsonNode schema = resolve(document, content.get(mediaType).path("schema"));
        ObjectNode valid = example(document, schema);
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            for (String bad : badValues(resolve(document, property.getValue()))) {
                ObjectNode variant = valid.deepCopy();
                variant.remove(property.getKey());
                String text = variant.toString();
                String field = "\"" + property.getKey() + "\": " + bad;
                String body = text.equals("{}") ? "{" + field + "}" : "{" + field + ", " + text.substring(1);
                check(name + " " + abbreviate(field), send(method, path, Map.of(), Map.of(), mediaType, body));
            }
            String duplicated =
                    "{\"" + property.getKey() + "\": null, " + valid.toString().substring(1);
            if (!valid.has(property.getKey())) {
                duplicated = "{\"" + property.getKey() + "\": null, \"" + property.getKey() + "\": null}";
            }
            check(
                    name + " duplicate " + property.getKey(),
                    send(method, path, Map.of(), Map.of(), mediaType, duplicated));
        }
    }

    /** Values of every wrong kind for a property, with the right kind at its limits. */
    private static List<String> badValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of(
                "\"a\\u0000b\"",
                "\"a\\u001bb\"",
                "\"" + HUGE + "\"",
                "1e400",
                "-1e400",
                "1e-400",
                "99999999999999999999999999999",
                "true",
                "[]",
                "{}",
                "[" + "1,".repeat(20_000) + "1]"));
        if (schema.path("format").asText().startsWith("date")) {
            values.addAll(List.of(
                    "\"+999999999-12-31T23:59:59Z\"",
                    "\"+300000-01-01T00:00:00Z\"",
                    "\"-0001-01-01\"",
                    "\"2026-02-30\"",
                    "\"+999999999-12-31\""));
        }
        if (schema.path("type").asText().equals("object")) {
            values.add("{\"" + "k".repeat(70) + "\": 1, \"a\": {\"b\": 1}, \"n\": 1e400}");
        }
        if (schema.path("type").asText().equals("array")) {
            values.addAll(List.of("[null]", "[\"a\\u0000b\"]", "[{}]", "[" + "{},".repeat(2_000) + "{}]"));
        }
        return values;
    }

    /** A valid body of the schema: its examples, and a value for every other required property. */
    private static ObjectNode example(JsonNode document, JsonNode schema) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            JsonNode declared = resolve(document, property.getValue());
            JsonNode example =
                    declared.has("examples") ? declared.get("examples").get(0) : declared.get("example");
            if (example != null && !(example.isTextual() && example.asText().contains("@example.com"))) {
                body.set(property.getKey(), example);
            } else if (required.contains(property.getKey())) {
                body.set(
                        property.getKey(),
                        switch (declared.path("type").asText()) {
                            case "integer", "number" -> JsonNodeFactory.instance.numberNode(1);
                            case "boolean" -> JsonNodeFactory.instance.booleanNode(true);
                            case "array" -> JsonNodeFactory.instance.arrayNode();
                            case "object" -> JsonNodeFactory.instance.objectNode();
                            default -> JsonNodeFactory.instance.textNode("x-" + UUID.randomUUID());
                        });
            }
        }
        return body;
    }

    private static String body(JsonNode document, JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        if (content.isMissingNode()) {
            return null;
        }
        String mediaType = content.fieldNames().next();
        return example(document, resolve(document, content.get(mediaType).path("schema")))
                .toString();
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        while (node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        if (node.has("allOf") && node.get("allOf").size() == 1) {
            return resolve(document, node.get("allOf").get(0));
        }
        return node;
    }

    private Response send(
            String method,
            String path,
            Map<String, String> query,
            Map<String, String> headers,
            String mediaType,
            String body) {
        sent++;
        RequestSpecification request = given().urlEncodingEnabled(true);
        query.forEach(request::queryParam);
        headers.forEach(request::header);
        if (body != null) {
            request.contentType(mediaType == null ? "application/json" : mediaType)
                    .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return request.when().request(method, path);
    }

    @Test
    void everyGraphQLRootFieldAnswersBadInputWithACode() throws Exception {
        failures.clear();
        String customerId = aCustomer().create();
        int fields = 0;
        for (String operation : List.of("query", "mutation")) {
            // one type's fields per request: graphql-java refuses introspection that asks for fields twice
            String introspection = graphql(
                            "{ __schema { " + operation
                                    + "Type { fields { name args { name type { ...ref } } type { ...ref } } } } }"
                                    + " fragment ref on __Type { kind name ofType { kind name ofType { kind name"
                                    + " ofType { kind name } } } }",
                            Map.of())
                    .asString();
            for (JsonNode field : JSON.readTree(introspection)
                    .path("data")
                    .path("__schema")
                    .path(operation + "Type")
                    .path("fields")) {
                fields++;
                rootField(operation, field, customerId);
            }
        }

        assertThat(fields).isGreaterThan(5);
        assertThat(failures).isEmpty();
    }

    private void rootField(String operation, JsonNode field, String customerId) {
        List<JsonNode> args = new ArrayList<>();
        field.path("args").forEach(args::add);
        String selection = isObject(field.path("type")) ? " { __typename }" : "";
        String declarations = args.isEmpty()
                ? ""
                : args.stream()
                        .map(a -> "$" + a.path("name").asText() + ": " + typeName(a.path("type")))
                        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        String arguments = args.isEmpty()
                ? ""
                : args.stream()
                        .map(a ->
                                a.path("name").asText() + ": $" + a.path("name").asText())
                        .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        String query = operation + declarations + " { " + field.path("name").asText() + arguments + selection + " }";
        for (JsonNode target : args) {
            for (Object bad : List.of(
                    "a\u0000b",
                    HUGE,
                    "+999999999-12-31T23:59:59Z",
                    "-999999999-01-01",
                    "1e999999999",
                    5,
                    -1,
                    Long.MAX_VALUE,
                    1.5,
                    true,
                    List.of("x"),
                    Map.of("x", "a\u0000b"),
                    Map.of())) {
                Map<String, Object> variables = new LinkedHashMap<>();
                for (JsonNode arg : args) {
                    if (arg.path("type").path("kind").asText().equals("NON_NULL")) {
                        variables.put(arg.path("name").asText(), plausible(arg, customerId));
                    }
                }
                variables.put(target.path("name").asText(), bad);
                Response response = graphql(query, variables);
                sent++;
                String description = "GraphQL " + field.path("name").asText() + "("
                        + target.path("name").asText() + ": " + abbreviate(String.valueOf(bad)) + ")";
                if (response.statusCode() >= 400) {
                    check(description, response);
                    continue;
                }
                checkGraphQL(description, response);
            }
        }
    }

    private static Object plausible(JsonNode arg, String customerId) {
        String type = typeName(arg.path("type")).replace("!", "");
        return switch (type) {
            case "ID" -> customerId;
            case "Int", "BigInteger" -> 1;
            case "Boolean" -> true;
            case "String" -> arg.path("name").asText().equals("patch") ? "{}" : "x";
            default -> type.startsWith("[") ? List.of() : Map.of();
        };
    }

    private static boolean isObject(JsonNode type) {
        while (type.path("ofType").isObject()) {
            type = type.path("ofType");
        }
        return type.path("kind").asText().equals("OBJECT");
    }

    private static String typeName(JsonNode type) {
        return switch (type.path("kind").asText()) {
            case "NON_NULL" -> typeName(type.path("ofType")) + "!";
            case "LIST" -> "[" + typeName(type.path("ofType")) + "]";
            default -> type.path("name").asText();
        };
    }

    private static Response graphql(String query, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", query);
        request.put("variables", variables);
        return given().contentType("application/json").body(request).when().post("/graphql");
    }

    private void check(String description, Response response) {
        String body = response.asString();
        if (response.statusCode() >= 500) {
            failures.add(description + ": " + response.statusCode() + " " + abbreviate(body));
        } else if (response.statusCode() >= 400
                && !String.valueOf(response.contentType()).startsWith("application/problem+json")
                && !(response.path("errors[0].extensions.code") instanceof String)) {
            failures.add(description + ": " + response.statusCode() + " without a problem document: "
                    + abbreviate(response.contentType() + " " + body));
        }
        if (LEAKS.matcher(body).find()) {
            failures.add(description + ": the answer shows internals: " + abbreviate(body));
        }
    }

    private void checkGraphQL(String description, Response response) {
        check(description, response);
        List<Map<String, Object>> errors = response.path("errors");
        if (errors == null) {
            return;
        }
        for (Map<String, Object> error : errors) {
            Object extensions = error.get("extensions");
            if (!(extensions instanceof Map<?, ?> map) || !(map.get("code") instanceof String)) {
                failures.add(description + ": an error without a code: " + abbreviate(String.valueOf(error)));
            }
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "\\\\c");
        return printable.length() <= 160 ? printable : printable.substring(0, 160) + "...";
    }
}
