package dev.rapport.platform.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import dev.rapport.platform.json.MergePatch;

/**
 * Gives every JSON merge patch body (RFC 7386) a schema of its own, derived from the resource's writable fields:
 * no field is required, an optional field may be {@code null} (which removes it), a nested object is itself a
 * patch, and an array is replaced whole, so its items keep their schema. {@code CreateCustomerRequest} becomes
 * {@code CustomerPatch}.
 */
class MergePatchSchemasFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    private Components components;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        components = openAPI.getComponents();
        OpenApiModel.forEachOperation(openAPI, (path, entry) -> {
            var body = entry.getValue().getRequestBody();
            MediaType patch = body == null || body.getContent() == null
                    ? null
                    : body.getContent().getMediaType(MergePatch.MEDIA_TYPE);
            if (patch != null && patch.getSchema() != null && patch.getSchema().getRef() != null) {
                patch.setSchema(
                        reference(patchOf(OpenApiModel.refName(patch.getSchema().getRef()))));
            }
        });
        components.setSchemas(new TreeMap<>(components.getSchemas()));
    }

    /** The name of the patch schema of a component schema, made once. */
    private String patchOf(String name) {
        String patchName = name.replaceFirst("^Create", "").replaceFirst("Request$", "") + "Patch";
        if (components.getSchemas().containsKey(patchName)) {
            return patchName;
        }
        Schema source = components.getSchemas().get(name);
        Schema patch = copy(source);
        patch.setRequired(null);
        patch.setDescription("A JSON merge patch (RFC 7386) of the fields of " + name + ": only the fields to "
                + "change. `null` removes an optional field, a nested object is merged the same way, an array is "
                + "replaced whole.");
        components.addSchema(patchName, patch);
        List<String> required = source.getRequired() == null ? List.of() : source.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>();
        source.getProperties()
                .forEach((field, schema) -> properties.put(field, patchProperty(schema, !required.contains(field))));
        patch.setProperties(properties);
        return patchName;
    }

    private Schema patchProperty(Schema property, boolean nullable) {
        Schema patch = copy(property);
        if (property.getRef() != null) {
            String target = OpenApiModel.refName(property.getRef());
            String ref = isObject(components.getSchemas().get(target)) ? patchOf(target) : target;
            if (!nullable) {
                return patch.ref(SCHEMAS + ref);
            }
            patch.setRef(null);
            patch.setType(null);
            return patch.anyOf(List.of(reference(ref), nullSchema()));
        }
        if (property.getAdditionalPropertiesSchema() != null) {
            // Map values are merged like fields: null removes a key.
            patch.setAdditionalPropertiesSchema(nullable(copy(property.getAdditionalPropertiesSchema())));
        }
        return nullable ? nullable(patch) : patch;
    }

    private static Schema nullable(Schema schema) {
        if (schema.getType() != null
                && !schema.getType().isEmpty()
                && !schema.getType().contains(Schema.SchemaType.NULL)) {
            schema.addType(Schema.SchemaType.NULL);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        return schema;
    }

    private static boolean isObject(Schema schema) {
        return schema != null
                && schema.getProperties() != null
                && !schema.getProperties().isEmpty();
    }

    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        schema.getAll().forEach(copy::set);
        if (schema.getType() != null) {
            copy.setType(new ArrayList<>(schema.getType()));
        }
        return copy;
    }

    private static Schema reference(String name) {
        return OASFactory.createSchema().ref(SCHEMAS + name);
    }

    private static Schema nullSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.NULL);
    }
}
