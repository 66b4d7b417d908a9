package dev.rapport.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

/**
 * What a client generator needs from an OpenAPI 3.1 document, checked on the document itself: every operation has
 * a unique operationId and a summary, every security requirement names a declared scheme (and declared scopes),
 * every array schema has items, every $ref resolves, and every example (of a parameter, header, media type or
 * schema) is valid against its schema, by JSON Schema 2020-12 with the OpenAPI 3.1 dialect.
 */
final class ApiContract {

    private static final String DOCUMENT = "https://rapport.invalid/openapi.json";
    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> SUBSCHEMAS = List.of(
            "items",
            "additionalProperties",
            "not",
            "if",
            "then",
            "else",
            "contains",
            "propertyNames",
            "unevaluatedItems",
            "unevaluatedProperties",
            "contentSchema");
    private static final List<String> SUBSCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final List<String> SUBSCHEMA_MAPS = List.of("properties", "patternProperties", "dependentSchemas");

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<String> problems = new ArrayList<>();

    private ApiContract(JsonNode document) {
        this.document = document;
        this.registry = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT, document.toString()))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build()));
    }

    /** Everything wrong with the document; empty when a client generator gets what it needs. */
    static List<String> problems(JsonNode document) {
        ApiContract contract = new ApiContract(document);
        contract.checkReferences(document, "");
        contract.checkOperations();
        JsonNode components = document.path("components");
        fields(components.path("schemas"))
                .forEach(e -> contract.checkSchema(e.getValue(), "/components/schemas/" + escape(e.getKey())));
        fields(components.path("parameters"))
                .forEach(e -> contract.checkParameter(e.getValue(), "/components/parameters/" + escape(e.getKey())));
        fields(components.path("headers"))
                .forEach(e -> contract.checkParameter(e.getValue(), "/components/headers/" + escape(e.getKey())));
        fields(components.path("responses"))
                .forEach(e -> contract.checkResponse(e.getValue(), "/components/responses/" + escape(e.getKey())));
        return contract.problems;
    }

    /** What is wrong with an instance, by the schema at a JSON pointer of the document; empty when it is valid. */
    static List<String> errors(JsonNode document, String schemaPointer, JsonNode instance) {
        ApiContract contract = new ApiContract(document);
        contract.validate(instance, schemaPointer, "instance");
        return contract.problems;
    }

    private void checkOperations() {
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> method : fields(path.getValue())) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                String pointer = "/paths/" + escape(path.getKey()) + "/" + method.getKey();
                String operationId = operation.path("operationId").asText("");
                if (operationId.isBlank()) {
                    problems.add(name + " has no operationId");
                } else if (!operationIds.add(operationId)) {
                    problems.add(name + " repeats the operationId " + operationId);
                }
                if (operation.path("summary").asText("").isBlank()) {
                    problems.add(name + " has no summary");
                }
                checkSecurity(name, operation.path("security"));
                elements(operation.path("parameters"))
                        .forEach((i, parameter) -> checkParameter(parameter, pointer + "/parameters/" + i));
                checkContent(operation.path("requestBody").path("content"), pointer + "/requestBody/content");
                fields(operation.path("responses"))
                        .forEach(e -> checkResponse(e.getValue(), pointer + "/responses/" + escape(e.getKey())));
            }
        }
    }

    private void checkSecurity(String operation, JsonNode security) {
        JsonNode schemes = document.path("components").path("securitySchemes");
        for (JsonNode requirement : security) {
            for (Map.Entry<String, JsonNode> scheme : fields(requirement)) {
                JsonNode declared = schemes.path(scheme.getKey());
                if (declared.isMissingNode()) {
                    problems.add(operation + " requires the undeclared security scheme " + scheme.getKey());
                    continue;
                }
                for (JsonNode scope : scheme.getValue()) {
                    boolean listed = false;
                    for (JsonNode flow : declared.path("flows")) {
                        listed |= flow.path("scopes").has(scope.asText());
                    }
                    if (!listed) {
                        problems.add(operation + " requires " + scope.asText() + ", which no flow of the scheme "
                                + scheme.getKey() + " declares as a scope");
                    }
                }
            }
        }
    }

    private void checkResponse(JsonNode response, String pointer) {
        if (response.has("$ref")) {
            return;
        }
        fields(response.path("headers"))
                .forEach(e -> checkParameter(e.getValue(), pointer + "/headers/" + escape(e.getKey())));
        checkContent(response.path("content"), pointer + "/content");
    }

    /** A parameter or a header: its schema, and its examples against that schema. */
    private void checkParameter(JsonNode parameter, String pointer) {
        if (parameter.has("$ref")) {
            return;
        }
        if (parameter.has("schema")) {
            checkSchema(parameter.get("schema"), pointer + "/schema");
            checkExamples(parameter, pointer, pointer + "/schema");
        }
        checkContent(parameter.path("content"), pointer + "/content");
    }

    private void checkContent(JsonNode content, String pointer) {
        for (Map.Entry<String, JsonNode> media : fields(content)) {
            String at = pointer + "/" + escape(media.getKey());
            if (media.getValue().has("schema")) {
                checkSchema(media.getValue().get("schema"), at + "/schema");
                checkExamples(media.getValue(), at, at + "/schema");
            }
        }
    }

    /** The {@code example} and each of the {@code examples} of a parameter, header or media type. */
    private void checkExamples(JsonNode holder, String pointer, String schema) {
        if (holder.has("example")) {
            validate(holder.get("example"), schema, pointer + "/example");
        }
        for (Map.Entry<String, JsonNode> example : fields(holder.path("examples"))) {
            JsonNode value = example.getValue();
            if (value.has("$ref")) {
                value = document.at(value.get("$ref").asText().substring(1));
            }
            if (value.has("value")) {
                validate(value.get("value"), schema, pointer + "/examples/" + escape(example.getKey()));
            }
        }
    }

    private void checkSchema(JsonNode schema, String pointer) {
        if (!schema.isObject()) {
            return;
        }
        JsonNode type = schema.path("type");
        boolean array = type.isTextual() ? type.asText().equals("array") : contains(type, "array");
        if (array && !schema.has("items") && !schema.has("prefixItems")) {
            problems.add(pointer + " is an array schema without items");
        }
        if (schema.has("example")) {
            validate(schema.get("example"), pointer, pointer + "/example");
        }
        elements(schema.path("examples"))
                .forEach((i, example) -> validate(example, pointer, pointer + "/examples/" + i));
        SUBSCHEMAS.forEach(key -> checkSchema(schema.path(key), pointer + "/" + key));
        SUBSCHEMA_LISTS.forEach(
                key -> elements(schema.path(key)).forEach((i, sub) -> checkSchema(sub, pointer + "/" + key + "/" + i)));
        SUBSCHEMA_MAPS.forEach(key -> fields(schema.path(key))
                .forEach(e -> checkSchema(e.getValue(), pointer + "/" + key + "/" + escape(e.getKey()))));
    }

    private void validate(JsonNode example, String schemaPointer, String examplePointer) {
        List<Error> errors;
        try {
            errors = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + encode(schemaPointer)))
                    .validate(example);
        } catch (RuntimeException e) {
            problems.add(examplePointer + " could not be checked: " + e);
            return;
        }
        errors.forEach(error -> problems.add(examplePointer + " does not match its schema: " + error));
    }

    private void checkReferences(JsonNode node, String pointer) {
        if (node.isObject()) {
            JsonNode ref = node.path("$ref");
            if (ref.isTextual()
                    && (!ref.asText().startsWith("#/")
                            || document.at(ref.asText().substring(1)).isMissingNode())) {
                problems.add(pointer + " refers to " + ref.asText() + ", which the document does not define");
            }
            fields(node).forEach(e -> checkReferences(e.getValue(), pointer + "/" + escape(e.getKey())));
        } else if (node.isArray()) {
            elements(node).forEach((i, element) -> checkReferences(element, pointer + "/" + i));
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (value.equals(element.asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        return fields;
    }

    private static Map<Integer, JsonNode> elements(JsonNode node) {
        Map<Integer, JsonNode> elements = new java.util.LinkedHashMap<>();
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            elements.put(i, node.get(i));
        }
        return elements;
    }

    /** A JSON pointer token: RFC 6901 escapes. */
    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment: characters a fragment may not hold are percent-encoded. */
    private static String encode(String pointer) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : pointer.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || "/~-._".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
