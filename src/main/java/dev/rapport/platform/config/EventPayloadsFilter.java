package dev.rapport.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Ties the {@code data} of an event to the schema of its payload, by event type: for each known type, the Event
 * schema says "if type is this, data is that" (JSON Schema {@code if}/{@code then}). Any other type's data stays a
 * plain JSON object, so that clients keep reading events of types added later.
 */
class EventPayloadsFilter implements OASFilter {

    /** Event types and the component schema of their payload. */
    static final Map<String, String> PAYLOADS = payloads();

    private static Map<String, String> payloads() {
        Map<String, String> payloads = new LinkedHashMap<>();
        payloads.put("customer.created", "Customer");
        payloads.put("customer.updated", "CustomerUpdatedData");
        payloads.put("customer.deleted", "CustomerDeletedData");
        payloads.put("purchase.recorded", "Purchase");
        payloads.put("interaction.logged", "Interaction");
        for (String change : List.of("created", "updated", "deleted", "secret_rotated", "disabled")) {
            payloads.put("webhook_endpoint." + change, "WebhookEndpointEventData");
        }
        return payloads;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema event = schemas.get("Event");
        if (event == null) {
            return;
        }
        // The scanner describes the payload by its Java type, Jackson's JsonNode: it is a JSON object.
        Schema data = event.getProperties().get("data");
        data.setRef(null);
        data.setType(List.of(Schema.SchemaType.OBJECT));
        openAPI.getComponents().removeSchema("JsonNode");
        openAPI.getComponents().removeSchema("JsonNodeType");
        List<Schema> conditions = new ArrayList<>();
        PAYLOADS.forEach((type, payload) -> {
            if (!schemas.containsKey(payload)) {
                throw new IllegalStateException("The payload schema " + payload + " of " + type + " is missing");
            }
            Schema isType = OASFactory.createSchema().addRequired("type")
                    .addProperty("type", OASFactory.createSchema().constValue(type));
            // additionalProperties says outright that the envelope's other fields stay allowed, for the example
            // checkers that treat a field no subschema names as an error.
            Schema hasPayload = OASFactory.createSchema()
                    .addProperty("data", OASFactory.createSchema().ref("#/components/schemas/" + payload))
                    .additionalPropertiesBoolean(true);
            conditions.add(OASFactory.createSchema().ifSchema(isType).thenSchema(hasPayload));
        });
        event.setAllOf(conditions);
    }
}
