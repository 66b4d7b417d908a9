package dev.rapport.platform.json;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.graphql.api.Adapter;

/**
 * Shows a free-form JSON object (custom attributes) to GraphQL as a String holding its JSON text, since GraphQL has
 * no type for open-ended objects. REST carries the same value as a plain JSON object.
 */
public class JsonObjectText implements Adapter<Map<String, Object>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    @Override
    public String to(Map<String, Object> value) throws Exception {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    @Override
    public Map<String, Object> from(String text) throws Exception {
        return text == null ? null : JSON.readValue(text, MAP);
    }
}
