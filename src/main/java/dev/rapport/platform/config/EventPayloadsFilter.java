package dev.rapport.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Ties the {@code data} of an event to the schema of its payload, by event type, and shows an example of each
 * event in the change feed. Each domain declares its own: the schema of a payload names the event types it is the
 * data of ({@code x-event-types}, comma-separated) and may carry an example event ({@code x-event-example}); this
 * step turns them into "if type is this, data is that" conditions on the Event schema (JSON Schema
 * {@code if}/{@code then}) and into examples of the feed, and removes the extensions. Any other type's data stays a
 * plain JSON object, so that clients keep reading events of types added later.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class EventPayloadsFilter implements OASFilter {

    static final String TYPES = "x-event-types";
    static final String EXAMPLE = "x-event-example";
    private static final String FEED = "/v1/events";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema event = schemas.get("Event");
        if (event == null) {
            return;
        }
        // The scanner describes free JSON (the payload, an action's settings) by its Java type, Jackson's JsonNode:
        // each is a JSON object.
        String jsonNode = "#/components/schemas/JsonNode";
        schemas.values().stream()
                .filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> schema.getProperties().values().stream())
                .filter(property -> jsonNode.equals(property.getRef()))
                .forEach(property -> {
                    property.setRef(null);
                    property.setType(List.of(Schema.SchemaType.OBJECT));
                });
        openAPI.getComponents().removeSchema("JsonNode");
        openAPI.getComponents().removeSchema("JsonNodeType");
        Map<String, String> payloads = new LinkedHashMap<>();
        Map<String, Object> examples = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            Map<String, Object> extensions = schema.getExtensions();
            if (extensions == null || !extensions.containsKey(TYPES)) {
                return;
            }
            for (String type : extensions.get(TYPES).toString().split(",")) {
                payloads.put(type.trim(), name);
            }
            if (extensions.containsKey(EXAMPLE)) {
                examples.put(extensions.get(TYPES).toString().split(",")[0].trim(), extensions.get(EXAMPLE));
            }
            schema.removeExtension(TYPES);
            schema.removeExtension(EXAMPLE);
        });
        if (payloads.isEmpty()) {
            return; // this document was completed already
        }
        List<Schema> conditions = new ArrayList<>();
        payloads.forEach((type, payload) -> {
            Schema isType = OASFactory.createSchema()
                    .addRequired("type")
                    .addProperty("type", OASFactory.createSchema().constValue(type));
            // additionalProperties says outright that the envelope's other fields stay allowed, for the example
            // checkers that treat a field no subschema names as an error.
            Schema hasPayload = OASFactory.createSchema()
                    .addProperty("data", OASFactory.createSchema().ref("#/components/schemas/" + payload))
                    .additionalPropertiesBoolean(true);
            conditions.add(OASFactory.createSchema().ifSchema(isType).thenSchema(hasPayload));
        });
        event.setAllOf(conditions);
        describeFeed(openAPI, payloads, examples);
    }

    /** Lists the event types in the feed's description and shows each example as a page of the feed. */
    private static void describeFeed(OpenAPI openAPI, Map<String, String> payloads, Map<String, Object> examples) {
        PathItem feed = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(FEED);
        Operation read = feed == null ? null : feed.getGET();
        if (read == null) {
            return;
        }
        read.setDescription(read.getDescription() + " Types: "
                + String.join(
                        ", ",
                        payloads.keySet().stream().map(type -> "`" + type + "`").toList())
                + "; the Event schema says which payload each carries.");
        MediaType json = read.getResponses().getAPIResponse("200").getContent().getMediaType("application/json");
        examples.forEach((type, example) -> {
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("data", List.of(example));
            page.put("nextCursor", "bG9nCjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAyYQo0Mg");
            page.put("hasMore", false);
            json.addExample(type, OASFactory.createExample().value(page));
        });
    }
}
